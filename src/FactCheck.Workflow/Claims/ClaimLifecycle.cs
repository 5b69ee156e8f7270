namespace FactCheck.Workflow.Claims;

/// <summary>
/// The one place that says which status changes a claim may make. Everything that moves a claim
/// goes through <see cref="Claim.TransitionTo"/>, which asks here first.
/// </summary>
public static class ClaimLifecycle
{
    private static readonly Dictionary<ClaimStatus, ClaimStatus[]> Allowed = new()
    {
        // Split: an editor makes one claim per assertion, only before any verdict is proposed.
        [ClaimStatus.New] = [ClaimStatus.Queued, ClaimStatus.Dismissed, ClaimStatus.Split],
        [ClaimStatus.Queued] = [ClaimStatus.Assigned, ClaimStatus.Dismissed, ClaimStatus.Split],
        // Back to Queued: the lease expired or the reviewer released the claim.
        [ClaimStatus.Assigned] = [ClaimStatus.InProgress, ClaimStatus.Queued, ClaimStatus.Dismissed, ClaimStatus.Split],
        [ClaimStatus.InProgress] = [ClaimStatus.VerdictProposed, ClaimStatus.Queued, ClaimStatus.Dismissed, ClaimStatus.Split],
        [ClaimStatus.VerdictProposed] = [ClaimStatus.Published, ClaimStatus.Returned],
        [ClaimStatus.Returned] = [ClaimStatus.InProgress, ClaimStatus.Queued, ClaimStatus.Dismissed],
        // A correction: an editor reopens a published claim for its reviewer; the published verdict stands meanwhile.
        [ClaimStatus.Published] = [ClaimStatus.Returned],
        // Restoring a dismissed claim puts it back in the queue.
        [ClaimStatus.Dismissed] = [ClaimStatus.Queued],
        // Undoing a split (merging the parts back) queues the claim again.
        [ClaimStatus.Split] = [ClaimStatus.Queued],
    };

    public static bool CanMove(ClaimStatus from, ClaimStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<ClaimStatus> NextFrom(ClaimStatus from) => Allowed[from];

    /// <summary>Statuses in which a reviewer holds the claim under a lease.</summary>
    public static bool IsLeased(ClaimStatus status) =>
        status is ClaimStatus.Assigned or ClaimStatus.InProgress or ClaimStatus.Returned;

    /// <summary>The statuses of <see cref="IsLeased"/>, for queries.</summary>
    public static readonly ClaimStatus[] LeasedStatuses = [ClaimStatus.Assigned, ClaimStatus.InProgress, ClaimStatus.Returned];

    /// <summary>Statuses in which nothing more is expected of anyone.</summary>
    public static bool IsClosed(ClaimStatus status) => status is ClaimStatus.Published or ClaimStatus.Dismissed or ClaimStatus.Split;
}
