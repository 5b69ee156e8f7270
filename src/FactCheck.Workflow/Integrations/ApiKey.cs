using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace FactCheck.Workflow.Integrations;

/// <summary>
/// A machine client's credential: a name, one role, and the SHA-256 of the secret (the secret itself
/// is shown once, at creation). Revoked keys stay, for the record.
/// </summary>
public sealed class ApiKey
{
    public const string Prefix = "fck_";
    public const int MaxNameLength = 100;

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Role { get; private set; } = "";

    /// <summary>The key's first characters after <see cref="Prefix"/>: shown in lists, used to find the key.</summary>
    public string Lookup { get; private set; } = "";

    public string Hash { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    private ApiKey() { }

    /// <returns>The key and its secret, which is not stored anywhere.</returns>
    public static (ApiKey Key, string Secret) Create(string name, string role, string createdBy, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
            throw new WorkflowException(WorkflowError.Invalid, $"An API key needs a name of at most {MaxNameLength} characters (what or who uses it).");
        var lookup = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = $"{Prefix}{lookup}_{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(), Name = name.Trim(), Role = role, Lookup = lookup, Hash = HashOf(secret), CreatedBy = createdBy, CreatedAt = now,
        };
        return (key, secret);
    }

    /// <summary>The lookup part of a presented secret, or null when it is not shaped like a key.</summary>
    public static string? LookupOf(string secret) =>
        secret.StartsWith(Prefix, StringComparison.Ordinal) && secret.Length > Prefix.Length + 9 && secret[Prefix.Length + 8] == '_'
            ? secret.Substring(Prefix.Length, 8)
            : null;

    public bool Matches(string secret) =>
        RevokedAt is null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash), Encoding.ASCII.GetBytes(HashOf(secret)));

    /// <summary>Records use at most once a minute, so a busy client does not write on every call.</summary>
    public bool MarkUsed(DateTime now)
    {
        if (LastUsedAt is { } last && now - last < TimeSpan.FromMinutes(1))
            return false;
        LastUsedAt = now;
        return true;
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
