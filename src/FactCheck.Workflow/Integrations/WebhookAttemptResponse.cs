namespace FactCheck.Workflow.Integrations;

public sealed record WebhookAttemptResponse(int Number, DateTime At, int? StatusCode, string? Error, int DurationMs);
