namespace FactCheck.Web.Api;

public sealed record CreateApiKeyRequest(string? Name, string? Role);
