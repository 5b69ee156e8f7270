using System.Text.Json;
using FactCheck.Workflow.Messaging;

namespace FactCheck.Workflow.Integrations;

/// <summary>
/// What a receiver gets: the event's contract JSON under <c>data</c>, with the event's name, version
/// and id, and when FactCheck relayed it (<c>sentAt</c>; events that carry their own time have it in <c>data</c>).
/// </summary>
public sealed record WebhookPayload(Guid EventId, string Event, int Version, DateTime SentAt, JsonElement Data)
{
    public static string Serialize(Guid eventId, string eventName, int version, DateTime sentAt, object data) =>
        JsonSerializer.Serialize(
            new WebhookPayload(eventId, eventName, version, sentAt, JsonSerializer.SerializeToElement(data, data.GetType(), MessageTypes.Json)),
            MessageTypes.Json);
}
