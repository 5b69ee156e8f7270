namespace FactCheck.Workflow.Labels;

/// <summary>
/// A sentence the desk labelled by an editorial decision, for training the check-worthiness model
/// (<c>train --with-desk-labels</c>). Kept while the decision stands: restoring a dismissed claim or
/// undoing a split removes its labels.
/// </summary>
public sealed class DeskLabel
{
    public long Id { get; private set; }
    public Guid ClaimId { get; private set; }
    public string Text { get; private set; } = "";
    public bool CheckWorthy { get; private set; }
    public DeskLabelKind Kind { get; private set; }
    public string Language { get; private set; } = "en";
    public string LabelledBy { get; private set; } = "";
    public DateTime LabelledAt { get; private set; }

    private DeskLabel() { }

    public DeskLabel(Guid claimId, string text, DeskLabelKind kind, string language, string labelledBy, DateTime labelledAt)
    {
        ClaimId = claimId;
        Text = text;
        Kind = kind;
        CheckWorthy = kind != DeskLabelKind.Dismissed;
        Language = language;
        LabelledBy = labelledBy;
        LabelledAt = labelledAt;
    }
}
