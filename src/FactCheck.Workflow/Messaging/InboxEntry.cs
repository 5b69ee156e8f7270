namespace FactCheck.Workflow.Messaging;

/// <summary>A message a consumer has handled; its key makes a second delivery a no-op.</summary>
public sealed class InboxEntry
{
    public Guid MessageId { get; private set; }
    public string Consumer { get; private set; } = "";
    public DateTime ProcessedAt { get; private set; }

    private InboxEntry() { }

    public InboxEntry(Guid messageId, string consumer, DateTime processedAt)
    {
        MessageId = messageId;
        Consumer = consumer;
        ProcessedAt = processedAt;
    }
}
