namespace FactCheck.Workflow.Claims;

public enum ClaimEventKind
{
    StatusChanged,
    SourceAttached,
    SourceRemoved,
    PriorityChanged,
    DueDateChanged,
    MarkedOverdue,
    LeaseRenewed,
    SourceEdited,
    /// <summary>A person made the claim (added from the article, or a part of a split).</summary>
    Created,
    StatementChanged,
}
