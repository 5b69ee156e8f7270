namespace FactCheck.Workflow;

/// <summary>The rules every paged list follows.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>Refuses a page number below 1 or a size outside 1..<see cref="MaxPageSize"/>.</summary>
    public static void Check(int page, int pageSize)
    {
        if (page < 1)
            throw new WorkflowException(WorkflowError.Invalid, "page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize)
            throw new WorkflowException(WorkflowError.Invalid, $"pageSize must be between 1 and {MaxPageSize}.");
    }

    public static int Skip(int page, int pageSize) => (page - 1) * pageSize;
}
