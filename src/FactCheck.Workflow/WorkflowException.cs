namespace FactCheck.Workflow;

public enum WorkflowError
{
    /// <summary>The request itself is wrong (400).</summary>
    Invalid,
    /// <summary>Nothing with that id (404).</summary>
    NotFound,
    /// <summary>The caller may not do this to this item (403).</summary>
    Forbidden,
    /// <summary>The item's state does not allow it: an illegal transition or a stale version (409).</summary>
    Conflict,
}

/// <summary>A business rule refused an action. Nothing was changed.</summary>
public sealed class WorkflowException(WorkflowError error, string message) : Exception(message)
{
    public WorkflowError Error { get; } = error;

    public static WorkflowException NotFound(string what, object id) => new(WorkflowError.NotFound, $"{what} '{id}' does not exist.");
}
