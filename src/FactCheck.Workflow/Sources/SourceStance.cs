namespace FactCheck.Workflow.Sources;

public enum SourceStance
{
    Supports,
    Refutes,
    Context,
}
