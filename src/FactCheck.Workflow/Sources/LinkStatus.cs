namespace FactCheck.Workflow.Sources;

public enum LinkStatus
{
    Unchecked,
    Alive,
    Dead,
    Refused,
}
