namespace FactCheck.Workflow.Articles;

/// <summary>Remembers what an <c>Idempotency-Key</c> created, so a retried request returns the same result.</summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 200;

    public string Key { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public string RequestHash { get; private set; } = "";
    public Guid ResourceId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private IdempotencyRecord() { }

    public IdempotencyRecord(string key, string userId, string requestHash, Guid resourceId, DateTime createdAt)
    {
        Key = key;
        UserId = userId;
        RequestHash = requestHash;
        ResourceId = resourceId;
        CreatedAt = createdAt;
    }
}
