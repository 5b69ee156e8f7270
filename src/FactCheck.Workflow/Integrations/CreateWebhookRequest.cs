namespace FactCheck.Workflow.Integrations;

/// <summary>A new subscription; leave <c>secret</c> out to have one made.</summary>
public sealed record CreateWebhookRequest(string? Name, string? Url, List<string>? Events, string? Secret);
