namespace FactCheck.Workflow.Claims;

/// <summary>Who made the work item: the detector, an editor from a span of the article, or an editor splitting a claim.</summary>
public enum ClaimOrigin
{
    Detected,
    Added,
    Split,
}
