namespace FactCheck.Workflow.Labels;

/// <summary>The editorial decision a label comes from.</summary>
public enum DeskLabelKind
{
    /// <summary>An editor made a claim of a span the detector passed over: check-worthy.</summary>
    Added,
    /// <summary>A part of a claim an editor split: check-worthy on its own.</summary>
    Split,
    /// <summary>An editor dismissed the claim as not check-worthy.</summary>
    Dismissed,
}
