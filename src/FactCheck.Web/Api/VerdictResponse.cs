using FactCheck.Workflow.Verdicts;

namespace FactCheck.Web.Api;

/// <param name="CitedSources">The sources as they stood when this verdict was approved (null until then).</param>
public sealed record VerdictResponse(Guid Id, string Rating, string Rationale, string ProposedBy, DateTime ProposedAt, ReviewResponse? Review, IReadOnlyList<CitedSource>? CitedSources)
{
    public static VerdictResponse From(Verdict v) => new(
        v.Id, v.Rating, v.Rationale, v.ProposedBy, v.ProposedAt,
        v.Review is { } r ? new ReviewResponse(r.Decision, r.EditorId, r.Comment, r.ReviewedAt) : null,
        v.CitedSources);
}
