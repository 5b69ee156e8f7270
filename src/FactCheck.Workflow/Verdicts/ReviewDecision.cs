namespace FactCheck.Workflow.Verdicts;

public enum ReviewDecision
{
    Approved,
    Returned,
}
