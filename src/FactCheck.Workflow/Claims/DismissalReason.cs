namespace FactCheck.Workflow.Claims;

/// <summary>
/// Why a claim left the desk without a verdict. A kind rather than free text only, because
/// "not check-worthy" is a label the detector learns from.
/// </summary>
public enum DismissalReason
{
    NotCheckWorthy,
    Duplicate,
    /// <summary>A part of a split claim whose split an editor undid.</summary>
    MergedBack,
    Other,
}
