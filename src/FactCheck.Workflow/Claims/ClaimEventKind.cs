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
}
