namespace FactCheck.Workflow.Integrations;

/// <summary>A subscription as listed: the secret only by its last characters.</summary>
public sealed record WebhookResponse(
    Guid Id, string Name, string Url, IReadOnlyList<string> Events, bool Active, string SecretHint,
    string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt, int Pending, int Delivered, int Failed);
