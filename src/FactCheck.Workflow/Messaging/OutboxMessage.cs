namespace FactCheck.Workflow.Messaging;

/// <summary>An event or command waiting to be relayed to the bus, written with the change that caused it.</summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    /// <summary>Becomes the MassTransit MessageId, so consumers' inboxes drop a relayed-twice copy.</summary>
    public Guid MessageId { get; private set; }
    public string MessageType { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    /// <summary>When the bus took it.</summary>
    public DateTime? DispatchedAt { get; set; }
    /// <summary>
    /// When nothing more can lose it: at once on a broker, which keeps what it took; on the in-memory
    /// bus, which keeps nothing past the process, once every consumer with an inbox has committed it.
    /// </summary>
    public DateTime? SettledAt { get; set; }
    public Guid? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    private OutboxMessage() { }

    public OutboxMessage(Guid messageId, string messageType, string body, DateTime createdAt)
    {
        MessageId = messageId;
        MessageType = messageType;
        Body = body;
        CreatedAt = createdAt;
    }
}
