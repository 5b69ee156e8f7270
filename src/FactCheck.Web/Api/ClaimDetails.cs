using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Api;

public sealed record ClaimDetails(
    ClaimSummary Claim,
    string? Beat,
    string Language,
    IReadOnlyList<SourceResponse> Sources,
    IReadOnlyList<VerdictResponse> Verdicts)
{
    public static ClaimDetails From(Claim c) => new(
        ClaimSummary.From(c), c.Beat, c.Language,
        [.. c.Sources.OrderBy(s => s.AddedAt).Select(SourceResponse.From)],
        [.. c.Verdicts.OrderBy(v => v.ProposedAt).Select(VerdictResponse.From)]);
}
