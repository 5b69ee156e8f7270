using FactCheck.Detection;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Verdicts;

namespace FactCheck.Tests.Domain;

/// <summary>Builds claims in any lifecycle state by walking the real domain methods.</summary>
internal static class Claims
{
    public const string Reviewer = "reviewer-1";
    public const string Editor = "editor-1";
    public static readonly DateTime Now = new(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc);
    public static readonly TimeSpan Lease = TimeSpan.FromHours(4);

    /// <summary>Stands in for the ClaimReview JSON-LD that the desk renders on approval.</summary>
    public static string ClaimReview(Verdict verdict) => $"{{\"rating\":\"{verdict.Rating}\"}}";

    public static Claim New() =>
        new(Guid.NewGuid(), Guid.NewGuid(), new DetectedClaim(10, 40, "About 200 troops are in Iraq.", 0.8, null, [new Quantity(16, 19, "200", 200)]), "en", "defence", Now);

    /// <summary>Two parts of the claim's span, as the detector would describe them.</summary>
    public static IReadOnlyList<DetectedClaim> Halves(Claim claim)
    {
        var middle = claim.Start + ((claim.End - claim.Start) / 2);
        return
        [
            new DetectedClaim(claim.Start, middle, "About 200 troops", 0.7, null, []),
            new DetectedClaim(middle + 1, claim.End, "are in Iraq.", 0.6, null, []),
        ];
    }

    public static Claim In(ClaimStatus status)
    {
        var claim = New();
        if (status == ClaimStatus.New)
            return claim;
        claim.Queue(50, Now.AddDays(1), null, Now);
        switch (status)
        {
            case ClaimStatus.Queued:
                break;
            case ClaimStatus.Dismissed:
                claim.Dismiss(Editor, "not check-worthy", null, Now);
                break;
            case ClaimStatus.Split:
                claim.Split(Editor, Halves(claim), Lease, Now);
                break;
            default:
                claim.Assign(Reviewer, Lease, "policy", Now);
                if (status == ClaimStatus.Assigned)
                    break;
                claim.StartWork(Reviewer, Lease, Now);
                if (status == ClaimStatus.InProgress)
                    break;
                claim.ProposeVerdict(Reviewer, "False", "The ministry's figures say otherwise.", Lease, Now);
                if (status == ClaimStatus.Returned)
                    claim.ReturnVerdict(Editor, "Cite the ministry's page.", Lease, Now);
                else if (status == ClaimStatus.Published)
                    claim.Approve(Editor, null, ClaimReview, Now);
                break;
        }

        Assert.Equal(status, claim.Status);
        return claim;
    }
}
