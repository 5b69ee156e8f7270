namespace FactCheck.Web.Api;

/// <summary>The one time the secret is shown.</summary>
public sealed record CreatedApiKey(ApiKeyResponse Key, string Secret);
