namespace FactCheck.Workflow;

/// <summary>A business rule refused an action. Nothing was changed.</summary>
public sealed class WorkflowException(WorkflowError error, string message) : Exception(message)
{
    public WorkflowError Error { get; } = error;

    public static WorkflowException NotFound(string what, object id) => new(WorkflowError.NotFound, $"{what} '{id}' does not exist.");
}
