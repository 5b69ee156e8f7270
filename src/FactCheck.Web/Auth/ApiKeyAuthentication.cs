using System.Security.Claims;
using System.Text.Encodings.Web;
using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Auth;

/// <summary>
/// Machine clients sign each request with an API key, in <c>X-Api-Key</c> or as
/// <c>Authorization: ApiKey &lt;key&gt;</c>. The key acts as a user <c>apikey:&lt;id&gt;</c> with its one role.
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, FactCheckDbContext db, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>The key a request presents, if any.</summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers[Header] is { Count: > 0 } header)
            return header.ToString().Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } secret)
            return AuthenticateResult.NoResult();
        var lookup = ApiKey.LookupOf(secret);
        var key = lookup is null ? null : await db.ApiKeys.FirstOrDefaultAsync(k => k.Lookup == lookup, Context.RequestAborted);
        if (key is null || !key.Matches(secret))
            return AuthenticateResult.Fail("The API key is unknown or has been revoked.");
        if (key.MarkUsed(time.GetUtcNow().UtcDateTime))
            await db.SaveChangesAsync(Context.RequestAborted);

        var identity = new ClaimsIdentity(
            [new(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"), new(ClaimTypes.Name, key.Name), new(ClaimTypes.Role, key.Role)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "ApiKey";
        return base.HandleChallengeAsync(properties);
    }
}
