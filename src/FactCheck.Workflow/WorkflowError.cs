namespace FactCheck.Workflow;

public enum WorkflowError
{
    /// <summary>The request itself is wrong (400).</summary>
    Invalid,
    /// <summary>Nothing with that id (404).</summary>
    NotFound,
    /// <summary>The caller may not do this to this item (403).</summary>
    Forbidden,
    /// <summary>The request is well formed but does not fit the item: a quote not in the article, a span outside the claim (422).</summary>
    Unprocessable,
    /// <summary>The item's state does not allow it: an illegal transition or a stale version (409).</summary>
    Conflict,
}
