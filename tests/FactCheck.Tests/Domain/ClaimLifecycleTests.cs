using FactCheck.Contracts;
using FactCheck.Workflow;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Sources;

namespace FactCheck.Tests.Domain;

public sealed class ClaimLifecycleTests
{
    /// <summary>The lifecycle of ARCHITECTURE.md, written out independently of the production table.</summary>
    private static readonly HashSet<(ClaimStatus, ClaimStatus)> Legal =
    [
        (ClaimStatus.New, ClaimStatus.Queued), (ClaimStatus.New, ClaimStatus.Dismissed),
        (ClaimStatus.Queued, ClaimStatus.Assigned), (ClaimStatus.Queued, ClaimStatus.Dismissed),
        (ClaimStatus.Assigned, ClaimStatus.InProgress), (ClaimStatus.Assigned, ClaimStatus.Queued), (ClaimStatus.Assigned, ClaimStatus.Dismissed),
        (ClaimStatus.InProgress, ClaimStatus.VerdictProposed), (ClaimStatus.InProgress, ClaimStatus.Queued), (ClaimStatus.InProgress, ClaimStatus.Dismissed),
        (ClaimStatus.VerdictProposed, ClaimStatus.Published), (ClaimStatus.VerdictProposed, ClaimStatus.Returned),
        (ClaimStatus.Returned, ClaimStatus.InProgress), (ClaimStatus.Returned, ClaimStatus.Queued), (ClaimStatus.Returned, ClaimStatus.Dismissed),
        (ClaimStatus.Dismissed, ClaimStatus.Queued),
        (ClaimStatus.Published, ClaimStatus.Returned),
        // Splitting, only before a verdict is proposed, and undoing it.
        (ClaimStatus.New, ClaimStatus.Split), (ClaimStatus.Queued, ClaimStatus.Split), (ClaimStatus.Assigned, ClaimStatus.Split), (ClaimStatus.InProgress, ClaimStatus.Split),
        (ClaimStatus.Split, ClaimStatus.Queued),
    ];

    public static TheoryData<ClaimStatus, ClaimStatus> EveryPair() => Pairs(to: _ => true);

    /// <summary>The production table against the one written out above, pair by pair.</summary>
    [Theory]
    [MemberData(nameof(EveryPair))]
    public void The_lifecycle_table_has_exactly_the_moves_of_the_design(ClaimStatus from, ClaimStatus to) =>
        Assert.Equal(Legal.Contains((from, to)), ClaimLifecycle.CanMove(from, to));

    /// <summary>Every pair but moves back to New, which no action makes (see the next test).</summary>
    public static TheoryData<ClaimStatus, ClaimStatus> AllPairs() => Pairs(to: s => s != ClaimStatus.New);

    private static TheoryData<ClaimStatus, ClaimStatus> Pairs(Func<ClaimStatus, bool> to)
    {
        var data = new TheoryData<ClaimStatus, ClaimStatus>();
        foreach (var from in Enum.GetValues<ClaimStatus>())
        {
            foreach (var target in Enum.GetValues<ClaimStatus>().Where(to))
                data.Add(from, target);
        }

        return data;
    }

    /// <summary>
    /// A status changes only through the claim's actions (its transition gate is private): each pair
    /// is tried with the action that leads to the target status, and it succeeds exactly when the
    /// lifecycle has the move.
    /// </summary>
    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_transition_is_allowed_exactly_when_the_lifecycle_has_it(ClaimStatus from, ClaimStatus to)
    {
        var claim = Claims.In(from);
        var historyBefore = claim.History.Count;
        var sentBefore = ((IHasOutgoingMessages)claim).OutgoingMessages.Count;

        if (Legal.Contains((from, to)))
        {
            var actor = MoveTo(claim, to);
            Assert.Equal(to, claim.Status);
            var audit = claim.History.Last(e => e.Kind == ClaimEventKind.StatusChanged);
            Assert.Equal((from.ToString(), to.ToString(), actor), (audit.From, audit.To, audit.Actor));
            var changed = ((IHasOutgoingMessages)claim).OutgoingMessages.OfType<ClaimStatusChanged>().Last();
            Assert.Equal((from.ToString(), to.ToString()), (changed.From, changed.To));
        }
        else
        {
            var refused = Record.Exception(() => MoveTo(claim, to));
            if (refused is not null)
            {
                // Refused: the claim stays exactly as it was.
                Assert.Contains(Assert.IsType<WorkflowException>(refused).Error, new[] { WorkflowError.Conflict, WorkflowError.Forbidden });
                Assert.Equal(from, claim.Status);
                Assert.Equal(historyBefore, claim.History.Count);
                Assert.Equal(sentBefore, ((IHasOutgoingMessages)claim).OutgoingMessages.Count);
            }
            else
            {
                // Done some other way (proposing starts the work first; starting what is in progress renews
                // the lease): never as the move itself, and only through moves the lifecycle has.
                var moves = claim.History.Skip(historyBefore).Where(e => e.Kind == ClaimEventKind.StatusChanged)
                    .Select(e => (Enum.Parse<ClaimStatus>(e.From!), Enum.Parse<ClaimStatus>(e.To!))).ToList();
                Assert.DoesNotContain((from, to), moves);
                Assert.All(moves, move => Assert.Contains(move, Legal));
            }
        }
    }

    /// <summary>The action a person takes to bring a claim to <paramref name="to"/>; returns who acted.</summary>
    private static string MoveTo(Claim claim, ClaimStatus to)
    {
        const string someone = "someone";
        // The claim's holder works on it; anyone else is refused.
        var holder = claim.AssigneeId ?? someone;
        switch (to)
        {
            case ClaimStatus.Queued when claim.Status == ClaimStatus.New:
                claim.Queue(50, Claims.Now.AddDays(1), someone, Claims.Now);
                break;
            case ClaimStatus.Queued when claim.Status == ClaimStatus.Split:
                claim.MergeBack(someone, [], Claims.Now);
                break;
            case ClaimStatus.Split:
                claim.Split(someone, Claims.Halves(claim), Claims.Lease, Claims.Now);
                break;
            case ClaimStatus.Queued when claim.Status == ClaimStatus.Dismissed:
                claim.Restore(someone, Claims.Now);
                break;
            case ClaimStatus.Queued:
                claim.Release(someone, "test", Claims.Now);
                break;
            case ClaimStatus.Assigned:
                claim.Assign(Claims.Reviewer, Claims.Lease, someone, Claims.Now);
                break;
            case ClaimStatus.InProgress:
                claim.StartWork(holder, Claims.Lease, Claims.Now);
                return holder;
            case ClaimStatus.VerdictProposed:
                claim.ProposeVerdict(holder, "False", "The ministry's figures say otherwise.", Claims.Lease, Claims.Now);
                return holder;
            case ClaimStatus.Published:
                claim.Approve(someone, null, Claims.ClaimReview, Claims.Now);
                break;
            case ClaimStatus.Returned when claim.Status == ClaimStatus.Published:
                claim.Reopen(someone, "a reader found an error", Claims.Lease, Claims.Now.AddDays(1), Claims.Now);
                break;
            case ClaimStatus.Returned:
                claim.ReturnVerdict(someone, "Cite the ministry's page.", Claims.Lease, Claims.Now);
                break;
            case ClaimStatus.Dismissed:
                claim.Dismiss(someone, "not check-worthy", null, Claims.Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(to), to, "no action leads there");
        }

        return someone;
    }

    [Fact]
    public void The_walk_to_published_records_one_audit_event_and_one_status_event_per_transition()
    {
        var claim = Claims.In(ClaimStatus.Published);
        var transitions = claim.History.Where(e => e.Kind == ClaimEventKind.StatusChanged).Select(e => $"{e.From}>{e.To}").ToList();
        Assert.Equal(["New>Queued", "Queued>Assigned", "Assigned>InProgress", "InProgress>VerdictProposed", "VerdictProposed>Published"], transitions);
        Assert.Equal(transitions.Count, ((IHasOutgoingMessages)claim).OutgoingMessages.OfType<ClaimStatusChanged>().Count());
    }

    [Fact]
    public void Only_the_assignee_can_work_on_a_claim()
    {
        var claim = Claims.In(ClaimStatus.Assigned);
        var error = Assert.Throws<WorkflowException>(() =>
            claim.AttachSource("someone-else", new Uri("https://example.org/report"), null, null, null, SourceStance.Supports, Claims.Lease, Claims.Now));
        Assert.Equal(WorkflowError.Forbidden, error.Error);
        Assert.Empty(claim.Sources);
    }

    [Fact]
    public void A_verdict_needs_a_rationale()
    {
        var claim = Claims.In(ClaimStatus.InProgress);
        var error = Assert.Throws<WorkflowException>(() => claim.ProposeVerdict(Claims.Reviewer, "False", "  ", Claims.Lease, Claims.Now));
        Assert.Equal(WorkflowError.Invalid, error.Error);
        Assert.Equal(ClaimStatus.InProgress, claim.Status);
        Assert.Empty(claim.Verdicts);
    }

    [Fact]
    public void Returning_needs_a_comment_and_the_reviewer_sees_it_when_revising()
    {
        var claim = Claims.In(ClaimStatus.VerdictProposed);
        Assert.Equal(WorkflowError.Invalid, Assert.Throws<WorkflowException>(() => claim.ReturnVerdict(Claims.Editor, "", Claims.Lease, Claims.Now)).Error);

        claim.ReturnVerdict(Claims.Editor, "Which ministry page?", Claims.Lease, Claims.Now);
        Assert.Equal("Which ministry page?", claim.CurrentVerdict!.Review!.Comment);
        claim.ProposeVerdict(Claims.Reviewer, "Mostly false", "Ministry page 3 gives 150.", Claims.Lease, Claims.Now.AddMinutes(5));
        Assert.Equal(ClaimStatus.VerdictProposed, claim.Status);
        Assert.Equal(2, claim.Verdicts.Count);
        Assert.Null(claim.CurrentVerdict!.Review);
    }

    [Fact]
    public void An_editor_cannot_sign_off_their_own_verdict()
    {
        var claim = Claims.In(ClaimStatus.Assigned);
        claim.Release(Claims.Editor, "editor takes it", Claims.Now);
        claim.Assign(Claims.Editor, Claims.Lease, Claims.Editor, Claims.Now);
        claim.ProposeVerdict(Claims.Editor, "True", "Confirmed by the ministry.", Claims.Lease, Claims.Now);
        Assert.Equal(WorkflowError.Forbidden, Assert.Throws<WorkflowException>(() => claim.Approve(Claims.Editor, null, Claims.ClaimReview, Claims.Now)).Error);
        Assert.Equal(ClaimStatus.VerdictProposed, claim.Status);
    }

    [Fact]
    public void Approving_raises_the_published_verdict_before_the_status_change_that_goes_with_it()
    {
        var claim = Claims.In(ClaimStatus.VerdictProposed);
        var before = ((IHasOutgoingMessages)claim).OutgoingMessages.Count;
        var verdict = claim.Approve(Claims.Editor, "well sourced", Claims.ClaimReview, Claims.Now);

        var raised = ((IHasOutgoingMessages)claim).OutgoingMessages.Skip(before).ToList();
        Assert.Equal(2, raised.Count);
        var published = Assert.IsType<VerdictPublished>(raised[0]);
        Assert.Equal((verdict.Id, "False", Claims.Editor, Claims.ClaimReview(verdict)), (published.VerdictId, published.Rating, published.ApprovedBy, published.ClaimReviewJsonLd));
        Assert.Equal(nameof(ClaimStatus.Published), Assert.IsType<ClaimStatusChanged>(raised[1]).To);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void An_editors_priority_outside_the_range_is_refused_and_changes_nothing(int priority)
    {
        var claim = Claims.In(ClaimStatus.Queued);
        var (was, events) = (claim.Priority, claim.History.Count);
        Assert.Equal(WorkflowError.Invalid, Assert.Throws<WorkflowException>(() => claim.SetPriority(priority, Claims.Editor, Claims.Now)).Error);
        Assert.Equal((was, events), (claim.Priority, claim.History.Count));
        claim.SetPriority(Claim.MaxPriority, Claims.Editor, Claims.Now);
        Assert.Equal(Claim.MaxPriority, claim.Priority);
    }

    [Fact]
    public void A_lease_expires_at_its_time_and_release_clears_the_assignee()
    {
        var claim = Claims.In(ClaimStatus.InProgress);
        Assert.False(claim.LeaseExpired(Claims.Now + Claims.Lease - TimeSpan.FromSeconds(1)));
        Assert.True(claim.LeaseExpired(Claims.Now + Claims.Lease));

        claim.Release(null, "lease expired", Claims.Now + Claims.Lease);
        Assert.Equal(ClaimStatus.Queued, claim.Status);
        Assert.Null(claim.AssigneeId);
        Assert.Null(claim.LeaseExpiresAt);
        Assert.IsType<ClaimQueued>(((IHasOutgoingMessages)claim).OutgoingMessages[^1]);
    }

    [Fact]
    public void Escalation_raises_priority_once_and_overdue_is_flagged_once()
    {
        var claim = Claims.In(ClaimStatus.Queued);
        claim.Escalate(20, Claims.Now);
        claim.Escalate(20, Claims.Now);
        Assert.Equal(70, claim.Priority);

        claim.MarkOverdue(Claims.Now);
        Assert.False(claim.IsOverdue);
        claim.MarkOverdue(claim.DueAt);
        claim.MarkOverdue(claim.DueAt.AddHours(1));
        Assert.True(claim.IsOverdue);
        Assert.Single(claim.History, e => e.Kind == ClaimEventKind.MarkedOverdue);
    }

    [Theory]
    [InlineData(ClaimStatus.New)]
    [InlineData(ClaimStatus.Queued)]
    [InlineData(ClaimStatus.VerdictProposed)]
    [InlineData(ClaimStatus.Dismissed)]
    public void Only_a_claim_held_by_a_reviewer_can_be_released(ClaimStatus status)
    {
        var claim = Claims.In(status);
        Assert.Equal(WorkflowError.Conflict, Assert.Throws<WorkflowException>(() => claim.Release(Claims.Editor, "released", Claims.Now)).Error);
        Assert.Equal(status, claim.Status);
    }

    [Theory]
    [InlineData(ClaimStatus.Queued)]
    [InlineData(ClaimStatus.Assigned)]
    [InlineData(ClaimStatus.Published)]
    public void Only_a_dismissed_claim_can_be_restored(ClaimStatus status)
    {
        var claim = Claims.In(status);
        Assert.Equal(WorkflowError.Conflict, Assert.Throws<WorkflowException>(() => claim.Restore(Claims.Editor, Claims.Now)).Error);
        Assert.Equal(status, claim.Status);

        var dismissed = Claims.In(ClaimStatus.Dismissed);
        dismissed.Restore(Claims.Editor, Claims.Now);
        Assert.Equal(ClaimStatus.Queued, dismissed.Status);
    }
}
