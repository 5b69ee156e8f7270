namespace FactCheck.Workflow.Verdicts;

/// <summary>An editor's decision on a proposed verdict.</summary>
public sealed class Review
{
    public ReviewDecision Decision { get; private set; }
    public string EditorId { get; private set; } = "";
    public string? Comment { get; private set; }
    public DateTime ReviewedAt { get; private set; }

    private Review() { }

    internal Review(ReviewDecision decision, string editorId, string? comment, DateTime reviewedAt)
    {
        Decision = decision;
        EditorId = editorId;
        Comment = comment;
        ReviewedAt = reviewedAt;
    }
}
