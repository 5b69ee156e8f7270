namespace FactCheck.Web.Api;

public sealed record MeResponse(string Id, string? Email, IReadOnlyList<string> Roles);
