namespace FactCheck.Workflow.Integrations;

public sealed record WebhookDeliveryResponse(
    Guid Id, Guid EventId, string Event, DeliveryState State, DateTime CreatedAt, DateTime NextAttemptAt, DateTime? DeliveredAt,
    IReadOnlyList<WebhookAttemptResponse> Attempts, string Payload)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d) => new(
        d.Id, d.EventId, d.Event, d.State, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt,
        [.. d.Attempts.OrderBy(a => a.Number).Select(a => new WebhookAttemptResponse(a.Number, a.At, a.StatusCode, a.Error, a.DurationMs))],
        d.Payload);
}
