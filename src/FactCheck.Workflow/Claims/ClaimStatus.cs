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
}
