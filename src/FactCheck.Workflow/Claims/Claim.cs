using FactCheck.Contracts;
using FactCheck.Detection;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Sources;
using FactCheck.Workflow.Verdicts;

namespace FactCheck.Workflow.Claims;

/// <summary>
/// A check-worthy statement in an article: the work item that moves through the desk. Every
/// change goes through a method here, which checks the lifecycle, writes the audit event and
/// raises the integration events.
/// </summary>
public sealed class Claim : IHasOutgoingMessages
{
    /// <summary>The range of <see cref="Priority"/>: an editor's value outside it is refused, a computed one is clamped.</summary>
    public const int MinPriority = 0;
    public const int MaxPriority = 100;

    /// <summary>A statement is one checkable assertion standing on its own, not a paragraph.</summary>
    public const int MaxStatementLength = 1000;

    private readonly List<object> _outgoing = [];
    private readonly List<Source> _sources = [];
    private readonly List<Verdict> _verdicts = [];
    private readonly List<ClaimEvent> _history = [];

    public Guid Id { get; private set; }
    public Guid ArticleId { get; private set; }
    public int Start { get; private set; }
    public int End { get; private set; }
    /// <summary>The quoted span of the article, anchored at <see cref="Start"/>..<see cref="End"/>.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The claim as it is checked and published, standing on its own; it starts as the detector's (or the span's) wording.</summary>
    public string Statement { get; private set; } = "";

    public ClaimOrigin Origin { get; private set; }

    /// <summary>For a part of a split claim: the claim it was split from.</summary>
    public Guid? SplitFromId { get; private set; }

    /// <summary>Why the claim was dismissed, while it is.</summary>
    public DismissalReason? Dismissal { get; private set; }
    public IReadOnlyList<Quantity> Quantities { get; private set; } = [];
    public string? Speaker { get; private set; }
    public double Score { get; private set; }
    public string Language { get; private set; } = "en";
    public string? Beat { get; private set; }
    public Guid? DuplicateOfId { get; private set; }

    /// <summary>The sentence embedding (float32 bytes), for finding similar claims in later articles.</summary>
    public byte[]? Embedding { get; private set; }

    public ClaimStatus Status { get; private set; }
    public int Priority { get; private set; }
    public DateTime DueAt { get; private set; }
    public bool IsOverdue { get; private set; }
    public bool IsEscalated { get; private set; }
    public string? AssigneeId { get; private set; }
    public DateTime? LeaseExpiresAt { get; private set; }

    /// <summary>Optimistic concurrency token, bumped on every save that changes the claim.</summary>
    public int Version { get; internal set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<Source> Sources => _sources.AsReadOnly();
    public IReadOnlyList<Verdict> Verdicts => _verdicts.AsReadOnly();
    public IReadOnlyList<ClaimEvent> History => _history.AsReadOnly();

    IReadOnlyList<object> IHasOutgoingMessages.OutgoingMessages => _outgoing;

    void IHasOutgoingMessages.ClearOutgoingMessages() => _outgoing.Clear();

    private Claim() { }

    /// <param name="duplicateOf">An earlier claim of the same article that states the same fact, as the detector linked them.</param>
    public Claim(Guid id, Guid articleId, DetectedClaim detected, string language, string? beat, DateTime now, Guid? duplicateOf = null)
    {
        DuplicateOfId = duplicateOf;
        Embedding = detected.Embedding is { } vector ? ClaimSimilarity.ToBytes(vector) : null;
        Id = id;
        ArticleId = articleId;
        Start = detected.Start;
        End = detected.End;
        Text = detected.Text;
        Statement = StatementOf(detected);
        Quantities = [.. detected.Quantities];
        Speaker = detected.Speaker;
        Score = detected.Score;
        Language = language;
        Beat = beat;
        Status = ClaimStatus.New;
        CreatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>An editor makes a claim of a span of the article (the detector passed it over); it is triaged like a detected one.</summary>
    public static Claim Add(string editorId, Guid articleId, DetectedClaim detected, string language, string? beat, DateTime now)
    {
        var claim = new Claim(Guid.CreateVersion7(), articleId, detected, language, beat, now) { Origin = ClaimOrigin.Added };
        claim.Announce(editorId, "added from the article", now);
        return claim;
    }

    /// <summary>The latest verdict proposal, if any.</summary>
    public Verdict? CurrentVerdict => Verdicts.OrderByDescending(v => v.ProposedAt).FirstOrDefault();

    /// <summary>
    /// The verdict the public sees: the latest approved one (it stands while a correction is worked
    /// on); none once the claim is dismissed, which retracts it.
    /// </summary>
    public Verdict? PublishedVerdict => Status == ClaimStatus.Dismissed ? null :
        Verdicts.Where(v => v.Review is { Decision: ReviewDecision.Approved }).OrderByDescending(v => v.Review!.ReviewedAt).FirstOrDefault();

    /// <summary>The statement the public reads: as it stood when the published verdict was approved, else as it stands.</summary>
    public string PublishedStatement => PublishedVerdict?.Statement ?? Statement;

    /// <summary>The sources as they stood when the published verdict was approved; none while nothing is published.</summary>
    public IReadOnlyList<CitedSource> PublishedSources() => PublishedVerdict?.CitedSources ?? [];

    /// <summary>Verdicts published before the current one, newest first: the correction history.</summary>
    public IEnumerable<Verdict> EarlierPublishedVerdicts =>
        Verdicts.Where(v => v.Review is { Decision: ReviewDecision.Approved }).OrderByDescending(v => v.Review!.ReviewedAt).Skip(1);

    /// <summary>Whether <paramref name="userId"/> holds the claim now and may work on it.</summary>
    public bool IsWorkedBy(string userId) => AssigneeId == userId && ClaimLifecycle.IsLeased(Status);

    /// <summary>Triage queues the claim with a computed priority (clamped to the range).</summary>
    public void Queue(int priority, DateTime dueAt, string? actor, DateTime now)
    {
        Priority = Math.Clamp(priority, MinPriority, MaxPriority);
        DueAt = dueAt;
        TransitionTo(ClaimStatus.Queued, actor, "triaged", now);
        _outgoing.Add(new ClaimQueued(Id, ArticleId, Priority, DueAt));
    }

    public void Assign(string reviewerId, TimeSpan lease, string? actor, DateTime now)
    {
        TransitionTo(ClaimStatus.Assigned, actor, $"assigned to {reviewerId}", now);
        AssigneeId = reviewerId;
        LeaseExpiresAt = now + lease;
        _outgoing.Add(new ClaimAssigned(Id, ArticleId, reviewerId, LeaseExpiresAt.Value));
    }

    /// <summary>The reviewer starts work (or resumes a returned verdict); the lease is renewed.</summary>
    public void StartWork(string reviewerId, TimeSpan lease, DateTime now)
    {
        EnsureAssignee(reviewerId);
        if (Status != ClaimStatus.InProgress)
            TransitionTo(ClaimStatus.InProgress, reviewerId, Status == ClaimStatus.Returned ? "revising returned verdict" : "work started", now);
        LeaseExpiresAt = now + lease;
    }

    public Source AttachSource(string reviewerId, Uri url, string? title, string? publisher, string? excerpt, SourceStance stance, TimeSpan lease, DateTime now)
    {
        StartWork(reviewerId, lease, now);
        var source = new Source(Guid.NewGuid(), Id, url.ToString(), title, publisher, excerpt, stance, reviewerId, now);
        _sources.Add(source);
        Record(ClaimEventKind.SourceAttached, null, source.Url, reviewerId, stance.ToString(), now);
        _outgoing.Add(new SourceAttached(Id, source.Id, source.Url, stance.ToString(), reviewerId));
        return source;
    }

    public Source EditSource(string reviewerId, Guid sourceId, Uri url, string? title, string? publisher, string? excerpt, SourceStance stance, TimeSpan lease, DateTime now)
    {
        StartWork(reviewerId, lease, now);
        var source = FindSource(sourceId);
        var before = source.Describe();
        var previousUrl = source.Url;
        source.Edit(url.ToString(), title, publisher, excerpt, stance);
        var after = source.Describe();
        if (after == before)
            return source;
        // The event keeps both versions, so the evidence behind any verdict can be reconstructed.
        Record(ClaimEventKind.SourceEdited, before, after, reviewerId, null, now);
        // A new URL is a new link to check, announced like a newly attached source.
        if (source.Url != previousUrl)
            _outgoing.Add(new SourceAttached(Id, source.Id, source.Url, stance.ToString(), reviewerId));
        return source;
    }

    public void RemoveSource(string reviewerId, Guid sourceId, TimeSpan lease, DateTime now)
    {
        StartWork(reviewerId, lease, now);
        var source = FindSource(sourceId);
        _sources.Remove(source);
        Record(ClaimEventKind.SourceRemoved, source.Describe(), null, reviewerId, null, now);
    }

    public Verdict ProposeVerdict(string reviewerId, string rating, string? rationale, TimeSpan lease, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(rationale))
            throw new WorkflowException(WorkflowError.Invalid, "A verdict needs a rationale that explains the rating.");
        if (rationale.Length > Verdict.MaxRationaleLength)
            throw new WorkflowException(WorkflowError.Invalid, $"A rationale may have at most {Verdict.MaxRationaleLength} characters.");
        StartWork(reviewerId, lease, now);
        var verdict = new Verdict(Guid.NewGuid(), Id, rating, rationale.Trim(), reviewerId, now);
        _verdicts.Add(verdict);
        TransitionTo(ClaimStatus.VerdictProposed, reviewerId, $"proposed {rating}", now);
        LeaseExpiresAt = null;
        _outgoing.Add(new VerdictProposed(Id, verdict.Id, verdict.Rating, verdict.Rationale, reviewerId));
        return verdict;
    }

    public void ReturnVerdict(string editorId, string? comment, TimeSpan lease, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(comment))
            throw new WorkflowException(WorkflowError.Invalid, "Returning a verdict needs a comment for the reviewer.");
        var verdict = RequireProposedVerdict(editorId);
        TransitionTo(ClaimStatus.Returned, editorId, comment.Trim(), now);
        verdict.Decide(ReviewDecision.Returned, editorId, comment.Trim(), now);
        LeaseExpiresAt = now + lease;
        _outgoing.Add(new VerdictReturned(Id, verdict.Id, comment.Trim(), editorId));
    }

    /// <param name="claimReview">Renders the published verdict as ClaimReview JSON-LD, which integrators get with the event.</param>
    public Verdict Approve(string editorId, string? comment, Func<Verdict, string> claimReview, DateTime now)
    {
        var verdict = RequireProposedVerdict(editorId);
        var first = _outgoing.Count;
        TransitionTo(ClaimStatus.Published, editorId, comment ?? "approved", now);
        verdict.Decide(ReviewDecision.Approved, editorId, comment, now);
        verdict.Publish(Statement, _sources);
        // Integrators have always had the published verdict before the status change that goes with it.
        _outgoing.Insert(first, new VerdictPublished(Id, verdict.Id, verdict.Rating, verdict.Rationale, editorId, now, claimReview(verdict)));
        return verdict;
    }

    /// <summary>
    /// An editor reopens a published claim for a correction: it goes back to the reviewer who proposed
    /// the published verdict, with the editor's reason and a new deadline. Every verdict is kept.
    /// </summary>
    public void Reopen(string editorId, string? reason, TimeSpan lease, DateTime dueAt, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new WorkflowException(WorkflowError.Invalid, "A correction needs a reason for the reviewer (and the record).");
        var published = PublishedVerdict
            ?? throw new WorkflowException(WorkflowError.Conflict, $"Only a published claim can be corrected; this claim is {Status}.");
        TransitionTo(ClaimStatus.Returned, editorId, "correction: " + reason.Trim(), now);
        AssigneeId = published.ProposedBy;
        LeaseExpiresAt = now + lease;
        ChangeDueDate(dueAt, editorId, now);
        _outgoing.Add(new VerdictReturned(Id, published.Id, reason.Trim(), editorId));
        _outgoing.Add(new ClaimAssigned(Id, ArticleId, published.ProposedBy, LeaseExpiresAt.Value));
    }

    /// <summary>The reviewer gives the claim back, or the lease ran out: it goes back to the queue.</summary>
    public void Release(string? actor, string reason, DateTime now)
    {
        if (!ClaimLifecycle.IsLeased(Status))
            throw new WorkflowException(WorkflowError.Conflict, $"Only a claim held by a reviewer can be released; this claim is {Status}.");
        TransitionTo(ClaimStatus.Queued, actor, reason, now);
        AssigneeId = null;
        LeaseExpiresAt = null;
        _outgoing.Add(new ClaimQueued(Id, ArticleId, Priority, DueAt));
    }

    public bool LeaseExpired(DateTime now) => ClaimLifecycle.IsLeased(Status) && LeaseExpiresAt <= now;

    /// <param name="kind">Why; without one, a duplicate is <see cref="DismissalReason.Duplicate"/> and anything else not check-worthy.</param>
    public void Dismiss(string editorId, string? reason, Guid? duplicateOf, DateTime now, DismissalReason? kind = null)
    {
        var why = kind ?? (duplicateOf is null ? DismissalReason.NotCheckWorthy : DismissalReason.Duplicate);
        if (why == DismissalReason.Duplicate && duplicateOf is null)
            throw new WorkflowException(WorkflowError.Invalid, "A claim dismissed as a duplicate needs the claim it duplicates (duplicateOf).");
        TransitionTo(ClaimStatus.Dismissed, editorId, reason ?? DescribeDismissal(why, duplicateOf), now);
        Dismissal = why;
        DuplicateOfId = duplicateOf;
        AssigneeId = null;
        LeaseExpiresAt = null;
    }

    public void Restore(string editorId, DateTime now)
    {
        if (Status != ClaimStatus.Dismissed)
            throw new WorkflowException(WorkflowError.Conflict, $"Only a dismissed claim can be restored; this claim is {Status}.");
        if (Dismissal == DismissalReason.MergedBack)
            throw new WorkflowException(WorkflowError.Conflict, $"This part was merged back into claim {SplitFromId}; split that claim again instead.");
        TransitionTo(ClaimStatus.Queued, editorId, "restored", now);
        Dismissal = null;
        _outgoing.Add(new ClaimQueued(Id, ArticleId, Priority, DueAt));
    }

    /// <summary>
    /// An editor or the claim's reviewer rewords the statement that is checked; the quoted span stays.
    /// A published statement is what readers saw, so it changes only through a correction.
    /// </summary>
    public void Reword(string actorId, string? statement, DateTime now)
    {
        var trimmed = statement?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw new WorkflowException(WorkflowError.Invalid, "A statement needs text: the claim as it is checked, standing on its own.");
        if (trimmed.Length > MaxStatementLength)
            throw new WorkflowException(WorkflowError.Invalid, $"A statement may have at most {MaxStatementLength} characters; it is one checkable assertion.");
        if (Status == ClaimStatus.Published)
            throw new WorkflowException(WorkflowError.Conflict, "The statement is published; reopen the claim for a correction to reword it.");
        if (ClaimLifecycle.IsClosed(Status))
            throw new WorkflowException(WorkflowError.Conflict, $"A claim that is {Status} is no longer checked; restore it to reword it.");
        if (trimmed == Statement)
            return;
        var previous = Statement;
        Record(ClaimEventKind.StatementChanged, previous, trimmed, actorId, null, now);
        Statement = trimmed;
        _outgoing.Add(new ClaimStatementChanged(Id, ArticleId, trimmed, previous, actorId, now));
    }

    /// <summary>Refuses parts that are not inside this claim's span, overlap, or are fewer than two.</summary>
    public void RefuseBadParts(IReadOnlyList<ClaimSpan> parts)
    {
        if (parts.Count < 2)
            throw new WorkflowException(WorkflowError.Unprocessable, "A split needs at least two parts.");
        var ordered = parts.OrderBy(p => p.Start).ToList();
        foreach (var part in ordered)
        {
            if (part.Start < Start || part.End > End)
                throw new WorkflowException(WorkflowError.Unprocessable, $"The part {part.Start}–{part.End} is not inside the claim's span {Start}–{End}.");
        }

        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Overlaps(ordered[i - 1]))
                throw new WorkflowException(WorkflowError.Unprocessable, $"The parts {ordered[i - 1].Start}–{ordered[i - 1].End} and {ordered[i].Start}–{ordered[i].End} overlap.");
        }
    }

    /// <summary>
    /// An editor splits a claim that joins several assertions into one claim per part, before a
    /// verdict is proposed. The parts keep the claim's priority and deadline, and go to the reviewer
    /// holding it, if any; the claim is closed as <see cref="ClaimStatus.Split"/>.
    /// </summary>
    public IReadOnlyList<Claim> Split(string editorId, IReadOnlyList<DetectedClaim> parts, TimeSpan lease, DateTime now)
    {
        if (_verdicts.Count > 0)
            throw new WorkflowException(WorkflowError.Conflict, "A claim with a proposed verdict cannot be split: the verdict is about the whole claim.");
        if (!ClaimLifecycle.CanMove(Status, ClaimStatus.Split))
            throw new WorkflowException(WorkflowError.Conflict, $"A claim that is {Status} cannot be split.");
        RefuseBadParts([.. parts.Select(p => new ClaimSpan(p.Start, p.End))]);

        var holder = ClaimLifecycle.IsLeased(Status) ? AssigneeId : null;
        var claims = new List<Claim>(parts.Count);
        foreach (var part in parts.OrderBy(p => p.Start))
        {
            var claim = new Claim(Guid.CreateVersion7(), ArticleId, part, Language, Beat, now) { Origin = ClaimOrigin.Split, SplitFromId = Id };
            claim.Announce(editorId, $"split from {Id}", now);
            claim.Queue(Priority, DueAt, editorId, now);
            if (holder is not null)
                claim.Assign(holder, lease, editorId, now);
            claims.Add(claim);
        }

        TransitionTo(ClaimStatus.Split, editorId, "split into " + string.Join(", ", claims.Select(c => c.Id)), now);
        AssigneeId = null;
        LeaseExpiresAt = null;
        _outgoing.Add(new ClaimSplit(Id, ArticleId, [.. claims.Select(c => c.Id)], editorId, now));
        return claims;
    }

    /// <summary>Refuses claims that cannot be merged: fewer than two, of several articles, parts of a split, closed, or with a verdict.</summary>
    public static void RefuseMerge(IReadOnlyList<Claim> parts)
    {
        if (parts.Count < 2)
            throw new WorkflowException(WorkflowError.Unprocessable, "A merge needs at least two claims.");
        if (parts.Select(p => p.ArticleId).Distinct().Count() > 1)
            throw new WorkflowException(WorkflowError.Unprocessable, "Only claims of one article can be merged.");
        foreach (var part in parts)
        {
            if (part.SplitFromId is { } original)
                throw new WorkflowException(WorkflowError.Conflict, $"The claim \"{part.Statement}\" is a part of split claim {original}; merge that split back instead.");
            if (part._verdicts.Count > 0 || ClaimLifecycle.IsClosed(part.Status))
                throw new WorkflowException(WorkflowError.Conflict, $"The claim \"{part.Statement}\" is {part.Status}{(part._verdicts.Count > 0 ? " with a verdict" : "")}; only claims still being checked, without a verdict, can be merged.");
        }
    }

    /// <summary>
    /// An editor merges claims of one sentence (the detector's atomic parts, or claims added by hand)
    /// back into one claim over their span: the new claim is queued with the most urgent priority and
    /// deadline among them, and each part is closed as merged back, naming it as its whole, so that
    /// splitting the new claim again undoes the merge. Refused once a part has a verdict.
    /// </summary>
    public static Claim Merge(string editorId, IReadOnlyList<Claim> parts, DetectedClaim whole, DateTime now)
    {
        RefuseMerge(parts);

        var first = parts[0];
        var merged = new Claim(Guid.CreateVersion7(), first.ArticleId, whole, first.Language, first.Beat, now) { Origin = ClaimOrigin.Merged };
        merged.Announce(editorId, "merged from " + string.Join(", ", parts.Select(p => p.Id)), now);
        merged.Queue(parts.Max(p => p.Priority), parts.Min(p => p.DueAt), editorId, now);
        foreach (var part in parts)
        {
            part.Dismiss(editorId, $"merged into {merged.Id}", null, now, DismissalReason.MergedBack);
            part.SplitFromId = merged.Id;
        }

        merged._outgoing.Add(new ClaimSplitUndone(merged.Id, merged.ArticleId, [.. parts.Select(p => p.Id)], editorId, now));
        return merged;
    }

    /// <summary>
    /// An editor undoes a split: the parts are closed (merged back) and the claim is queued again.
    /// Refused once a part has a verdict, which would be lost with it.
    /// </summary>
    public void MergeBack(string editorId, IReadOnlyList<Claim> parts, DateTime now)
    {
        if (Status != ClaimStatus.Split)
            throw new WorkflowException(WorkflowError.Conflict, $"Only a split claim can be merged back; this claim is {Status}.");
        if (parts.FirstOrDefault(p => p.Status == ClaimStatus.Split) is { } splitAgain)
            throw new WorkflowException(WorkflowError.Conflict, $"The part \"{splitAgain.Statement}\" was split again; merge its own parts back first.");
        if (parts.FirstOrDefault(p => p.Verdicts.Count > 0) is { } verdictOn)
            throw new WorkflowException(WorkflowError.Conflict, $"The part \"{verdictOn.Statement}\" has a verdict; dismiss or finish it before merging the split back.");
        foreach (var part in parts.Where(p => p.SplitFromId == Id && p.Status != ClaimStatus.Dismissed))
            part.Dismiss(editorId, $"merged back into {Id}", null, now, DismissalReason.MergedBack);
        TransitionTo(ClaimStatus.Queued, editorId, "split undone", now);
        _outgoing.Add(new ClaimQueued(Id, ArticleId, Priority, DueAt));
        _outgoing.Add(new ClaimSplitUndone(Id, ArticleId, [.. parts.Select(p => p.Id)], editorId, now));
    }

    /// <summary>An editor sets the priority; a value outside the range is refused.</summary>
    public void SetPriority(int priority, string editorId, DateTime now)
    {
        RefuseOutOfRange(priority);
        ChangePriority(priority, editorId, "set by editor", now);
    }

    /// <summary>Refuses a priority an editor gives outside <see cref="MinPriority"/>..<see cref="MaxPriority"/>.</summary>
    public static void RefuseOutOfRange(int priority)
    {
        if (priority is < MinPriority or > MaxPriority)
            throw new WorkflowException(WorkflowError.Invalid, $"Priority runs from {MinPriority} to {MaxPriority}.");
    }

    private void ChangePriority(int priority, string? actor, string reason, DateTime now)
    {
        var clamped = Math.Clamp(priority, MinPriority, MaxPriority);
        if (clamped == Priority)
            return;
        Record(ClaimEventKind.PriorityChanged, Priority.ToString(System.Globalization.CultureInfo.InvariantCulture), clamped.ToString(System.Globalization.CultureInfo.InvariantCulture), actor, reason, now);
        Priority = clamped;
    }

    /// <summary>An editor moves the deadline; a later one clears the overdue flag and lets the SLA job escalate again.</summary>
    public void ChangeDueDate(DateTime dueAt, string? actor, DateTime now)
    {
        if (ClaimLifecycle.IsClosed(Status))
            throw new WorkflowException(WorkflowError.Conflict, $"A claim that is {Status} has no deadline to move.");
        if (dueAt == DueAt)
            return;
        Record(ClaimEventKind.DueDateChanged, DueAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), dueAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), actor, null, now);
        DueAt = dueAt;
        if (dueAt > now)
        {
            IsOverdue = false;
            IsEscalated = false;
        }
    }

    /// <summary>The SLA job raises a claim near its due date once; a second run does nothing.</summary>
    public void Escalate(int raiseBy, DateTime now)
    {
        if (IsEscalated || ClaimLifecycle.IsClosed(Status))
            return;
        ChangePriority(Priority + raiseBy, null, "due soon", now);
        IsEscalated = true;
    }

    public void MarkOverdue(DateTime now)
    {
        if (IsOverdue || ClaimLifecycle.IsClosed(Status) || DueAt > now)
            return;
        IsOverdue = true;
        Record(ClaimEventKind.MarkedOverdue, null, null, null, $"due {DueAt:O}", now);
    }

    /// <summary>A claim a person made: its first audit event and its announcement on the bus.</summary>
    private void Announce(string actorId, string reason, DateTime now)
    {
        Record(ClaimEventKind.Created, null, Origin.ToString(), actorId, reason, now);
        _outgoing.Add(new ClaimAdded(Id, ArticleId, Start, End, Text, Statement, Origin.ToString(), SplitFromId, actorId, now));
    }

    /// <summary>The detector's statement when it gave one (an atomic part with its context), else the quoted text.</summary>
    private static string StatementOf(DetectedClaim detected)
    {
        var statement = string.IsNullOrWhiteSpace(detected.Statement) ? detected.Text.Trim() : detected.Statement.Trim();
        return statement.Length <= MaxStatementLength ? statement : statement[..MaxStatementLength];
    }

    private static string DescribeDismissal(DismissalReason why, Guid? duplicateOf) => why switch
    {
        DismissalReason.Duplicate => $"duplicate of {duplicateOf}",
        DismissalReason.NotCheckWorthy => "not check-worthy",
        DismissalReason.MergedBack => "merged back",
        _ => "dismissed",
    };

    /// <summary>The single gate for status changes: refuses what the lifecycle does not allow.</summary>
    private void TransitionTo(ClaimStatus to, string? actor, string? reason, DateTime now)
    {
        if (!ClaimLifecycle.CanMove(Status, to))
        {
            throw new WorkflowException(
                WorkflowError.Conflict,
                $"A claim that is {Status} cannot become {to}. From {Status} it can become: {Describe(ClaimLifecycle.NextFrom(Status))}.");
        }

        var from = Status;
        Status = to;
        Record(ClaimEventKind.StatusChanged, from.ToString(), to.ToString(), actor, reason, now);
        _outgoing.Add(new ClaimStatusChanged(Id, ArticleId, from.ToString(), to.ToString(), actor, reason, now));
    }

    private Verdict RequireProposedVerdict(string editorId)
    {
        if (Status != ClaimStatus.VerdictProposed || CurrentVerdict is not { Review: null } verdict)
            throw new WorkflowException(WorkflowError.Conflict, $"Only a proposed verdict can be reviewed; this claim is {Status}.");
        if (verdict.ProposedBy == editorId)
            throw new WorkflowException(WorkflowError.Forbidden, "An editor cannot sign off a verdict they proposed themselves.");
        return verdict;
    }

    private Source FindSource(Guid sourceId) =>
        Sources.FirstOrDefault(s => s.Id == sourceId) ?? throw WorkflowException.NotFound("Source", sourceId);

    private void EnsureAssignee(string reviewerId)
    {
        if (!ClaimLifecycle.IsLeased(Status))
            throw new WorkflowException(WorkflowError.Conflict, $"A claim that is {Status} is not being worked on; take it from the queue first.");
        if (!IsWorkedBy(reviewerId))
            throw new WorkflowException(WorkflowError.Forbidden, "Only the reviewer this claim is assigned to can work on it.");
    }

    private void Record(ClaimEventKind kind, string? from, string? to, string? actor, string? reason, DateTime now)
    {
        _history.Add(new ClaimEvent(Id, kind, from, to, actor, reason, now));
        UpdatedAt = now;
    }

    private static string Describe(IReadOnlyList<ClaimStatus> next) =>
        next.Count == 0 ? "nothing (it is final)" : string.Join(", ", next);
}
