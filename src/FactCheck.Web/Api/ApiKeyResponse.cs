using FactCheck.Workflow.Integrations;

namespace FactCheck.Web.Api;

/// <summary>An API key as listed: never its secret.</summary>
public sealed record ApiKeyResponse(Guid Id, string Name, string Role, string Lookup, string CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey k) => new(k.Id, k.Name, k.Role, k.Lookup, k.CreatedBy, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}
