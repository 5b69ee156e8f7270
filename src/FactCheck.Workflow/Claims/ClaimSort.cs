namespace FactCheck.Workflow.Claims;

public enum ClaimSort
{
    Priority,
    DueAt,
    Status,
    CreatedAt,
    Score,
}
