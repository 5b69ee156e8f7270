using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using FactCheck.Contracts;

namespace FactCheck.Workflow.Integrations;

/// <summary>
/// An outside system's request to be told of events over HTTP: where to POST, which events, and the
/// secret the deliveries are signed with. The secret is kept as given because every delivery is
/// signed with it; it is shown in full only when it is set.
/// </summary>
public sealed class WebhookSubscription
{
    public const string SecretPrefix = "whsec_";
    public const int MaxNameLength = 100;
    public const int MaxSecretLength = 200;

    /// <summary>A delivery the admin asks for to try an endpoint; it carries no workflow event.</summary>
    public const string PingEvent = "ping";

    /// <summary>What may be subscribed to: the outgoing message contracts, by wire name.</summary>
    public static IReadOnlyList<string> EventNames { get; } =
        [.. ContractCatalog.All.Where(c => c.Direction == ContractDirection.Out).Select(c => c.Wire.Name)];

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Url { get; private set; } = "";
    public List<string> Events { get; private set; } = [];
    public string Secret { get; private set; } = "";
    public bool Active { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    private WebhookSubscription() { }

    /// <param name="allowPrivateNetworks">Whether an endpoint on loopback or a private network may be named (tests, intranets).</param>
    /// <returns>The subscription and its secret: the one given, or a new one when none was.</returns>
    public static (WebhookSubscription Subscription, string Secret) Create(
        string? name, string? url, IEnumerable<string>? events, string? secret, bool allowPrivateNetworks, string createdBy, DateTime now)
    {
        var subscription = new WebhookSubscription { Id = Guid.CreateVersion7(), Active = true, CreatedBy = createdBy, CreatedAt = now };
        subscription.Change(name, url, events, allowPrivateNetworks, now);
        subscription.Secret = ValidSecret(secret) ?? NewSecret();
        return (subscription, subscription.Secret);
    }

    public void Change(string? name, string? url, IEnumerable<string>? events, bool allowPrivateNetworks, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
            throw Invalid($"A webhook needs a name of at most {MaxNameLength} characters (the system it feeds).");
        Name = name.Trim();
        Url = ValidUrl(url, allowPrivateNetworks);
        Events = ValidEvents(events);
        UpdatedAt = now;
    }

    /// <returns>The new secret.</returns>
    public string RotateSecret(string? secret, DateTime now)
    {
        Secret = ValidSecret(secret) ?? NewSecret();
        UpdatedAt = now;
        return Secret;
    }

    public void SetActive(bool active, DateTime now)
    {
        Active = active;
        UpdatedAt = now;
    }

    /// <summary>Paused or not: a paused subscription collects its deliveries and sends them when resumed.</summary>
    public bool Wants(string eventName) => Events.Contains(eventName);

    /// <summary>The secret's last characters, enough to tell which one a receiver holds.</summary>
    public string SecretHint => Secret.Length > 4 ? "…" + Secret[^4..] : "…";

    private static string ValidUrl(string? url, bool allowPrivateNetworks)
    {
        // Control characters and spaces would end up in a request line or a header.
        if (url is not null && url.Trim().Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            throw Invalid("A webhook URL may not contain spaces, line breaks or other control characters.");
        var uri = HttpUrl.Parse(url, "A webhook");
        if (!string.IsNullOrEmpty(uri.UserInfo))
            throw Invalid("A webhook URL may not carry a user name or password; the signature authenticates FactCheck to the receiver.");
        // Names are checked again when connecting (PublicNetwork), where the DNS answer is known.
        if (!allowPrivateNetworks && (uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && PublicNetwork.IsPrivate(address))))
            throw Invalid($"'{uri.Host}' is on a private or local network; webhooks are delivered to public addresses only.");
        return uri.AbsoluteUri;
    }

    private static List<string> ValidEvents(IEnumerable<string>? events)
    {
        var chosen = (events ?? []).Select(e => e?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
            throw Invalid($"A webhook needs at least one event: {string.Join(", ", EventNames)}.");
        var unknown = chosen.Where(e => !EventNames.Contains(e)).ToList();
        if (unknown.Count > 0)
            throw Invalid($"Unknown event(s) {string.Join(", ", unknown.Select(e => $"'{e}'"))}; the events are {string.Join(", ", EventNames)}.");
        return [.. EventNames.Where(chosen.Contains)];
    }

    private static string? ValidSecret(string? secret)
    {
        if (secret is null)
            return null;
        if (secret.Length is < 16 or > MaxSecretLength || secret.Any(char.IsControl))
            throw Invalid($"A webhook secret needs 16 to {MaxSecretLength} characters (or leave it out and one is made).");
        return secret;
    }

    private static string NewSecret() =>
        SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static WorkflowException Invalid(string message) => new(WorkflowError.Invalid, message);
}
