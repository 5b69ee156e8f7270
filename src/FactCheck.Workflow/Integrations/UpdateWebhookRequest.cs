namespace FactCheck.Workflow.Integrations;

/// <summary>Name, URL and events are replaced; <c>active</c> left out leaves the subscription paused or running as it is.</summary>
public sealed record UpdateWebhookRequest(string? Name, string? Url, List<string>? Events, bool? Active = null);
