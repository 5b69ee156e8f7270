using FactCheck.Workflow.Sources;

namespace FactCheck.Workflow.Verdicts;

/// <summary>A reviewer's rating of a claim with the reasoning behind it. Each proposal is kept, so a returned verdict keeps its history.</summary>
public sealed class Verdict
{
    public const int MaxRationaleLength = 20_000;

    public Guid Id { get; private set; }
    public Guid ClaimId { get; private set; }
    public string Rating { get; private set; } = "";
    public string Rationale { get; private set; } = "";
    public string ProposedBy { get; private set; } = "";
    public DateTime ProposedAt { get; private set; }
    public Review? Review { get; private set; }

    /// <summary>
    /// The claim's sources at approval, kept with the verdict so a later edit (during a correction)
    /// cannot change what was published. Null for verdicts not approved.
    /// </summary>
    public IReadOnlyList<CitedSource>? CitedSources { get; private set; }

    /// <summary>
    /// The statement the verdict rates, as it stood at approval: what was published stays what it
    /// was when the statement is reworded during a correction. Null for verdicts not approved.
    /// </summary>
    public string? Statement { get; private set; }

    private Verdict() { }

    internal Verdict(Guid id, Guid claimId, string rating, string rationale, string proposedBy, DateTime proposedAt)
    {
        Id = id;
        ClaimId = claimId;
        Rating = rating;
        Rationale = rationale;
        ProposedBy = proposedBy;
        ProposedAt = proposedAt;
    }

    internal void Decide(ReviewDecision decision, string editorId, string? comment, DateTime now) =>
        Review = new Review(decision, editorId, comment, now);

    /// <summary>Keeps what the approval published: the statement and the sources as they stand now.</summary>
    internal void Publish(string statement, IEnumerable<Source> sources)
    {
        Statement = statement;
        CitedSources = [.. sources.OrderBy(s => s.AddedAt).Select(CitedSource.From)];
    }
}
