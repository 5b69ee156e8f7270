namespace FactCheck.Workflow.Integrations;

/// <summary>The one time a made secret is shown.</summary>
public sealed record WebhookWithSecret(WebhookResponse Webhook, string Secret);
