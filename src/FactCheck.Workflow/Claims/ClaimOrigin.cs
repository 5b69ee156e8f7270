namespace FactCheck.Workflow.Claims;

/// <summary>
/// Who made the work item: the detector, an editor from a span of the article, an editor splitting
/// a claim, or an editor merging claims of one sentence (the detector's atomic parts) back into one.
/// </summary>
public enum ClaimOrigin
{
    Detected,
    Added,
    Split,
    Merged,
}
