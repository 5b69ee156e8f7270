namespace FactCheck.Web.Api;

/// <summary>Leave <c>secret</c> out to have one made.</summary>
public sealed record RotateWebhookSecretRequest(string? Secret);
