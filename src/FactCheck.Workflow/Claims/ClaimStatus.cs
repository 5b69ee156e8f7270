namespace FactCheck.Workflow.Claims;

public enum ClaimStatus
{
    New,
    Queued,
    Assigned,
    InProgress,
    VerdictProposed,
    Returned,
    Published,
    Dismissed,
    /// <summary>Closed because an editor split it into claims of its own (they name it as <c>SplitFromId</c>).</summary>
    Split,
}
