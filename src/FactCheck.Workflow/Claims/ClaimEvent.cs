namespace FactCheck.Workflow.Claims;

/// <summary>An audit record: who did what to a claim, when and why. Written in the same transaction as the change.</summary>
public sealed class ClaimEvent
{
    public long Id { get; private set; }
    public Guid ClaimId { get; private set; }
    public ClaimEventKind Kind { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public string? Actor { get; private set; }
    public string? Reason { get; private set; }
    public DateTime OccurredAt { get; private set; }

    private ClaimEvent() { }

    internal ClaimEvent(Guid claimId, ClaimEventKind kind, string? from, string? to, string? actor, string? reason, DateTime occurredAt)
    {
        ClaimId = claimId;
        Kind = kind;
        From = from;
        To = to;
        Actor = actor;
        Reason = reason;
        OccurredAt = occurredAt;
    }
}
