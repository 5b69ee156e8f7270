namespace FactCheck.Workflow.Messaging;

/// <summary>A message MassTransit moved to an error queue, with the reason it gave up.</summary>
public sealed record FailedMessage(
    string ErrorQueue,
    string MessageId,
    string? MessageType,
    string Reason,
    string? ExceptionType,
    DateTime? FailedAt,
    string Body);
