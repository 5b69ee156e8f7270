using FactCheck.Contracts;
using FactCheck.Workflow.Articles;
using FactCheck.Detection;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Labels;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using FactCheck.Workflow.Publishing;
using FactCheck.Workflow.Sources;
using FactCheck.Workflow.Verdicts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FactCheck.Workflow.Claims;

/// <summary>
/// What reviewers and editors do to claims, for the REST API and the web UI alike. Each action
/// loads the claim, applies one domain method, and saves it with its audit events and outbox
/// messages in one transaction; a stale version or a concurrent edit is a conflict, never an overwrite.
/// </summary>
public sealed class ClaimDesk(
    FactCheckDbContext db,
    ClaimAssigner assigner,
    ClaimReviewBuilder claimReviews,
    VerdictScale scale,
    OutboxSignal outbox,
    IClaimDetector detector,
    IOptions<WorkflowOptions> options,
    TimeProvider time)
{
    private TimeSpan Lease => options.Value.LeaseDuration;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<Source> AttachSourceAsync(Guid claimId, Actor actor, NewSource source, CancellationToken ct)
    {
        var url = Source.ParseUrl(source.Url);
        return ChangeAsync(claimId, actor, claim => claim.AttachSource(
            actor.UserId, url, Trim(source.Title, Source.MaxTitleLength), Trim(source.Publisher, Source.MaxPublisherLength), Trim(source.Excerpt, Source.MaxExcerptLength), source.Stance, Lease, Now), ct);
    }

    public Task<Source> EditSourceAsync(Guid claimId, Guid sourceId, Actor actor, NewSource source, CancellationToken ct)
    {
        var url = Source.ParseUrl(source.Url);
        return ChangeAsync(claimId, actor, claim => claim.EditSource(
            actor.UserId, sourceId, url, Trim(source.Title, Source.MaxTitleLength), Trim(source.Publisher, Source.MaxPublisherLength), Trim(source.Excerpt, Source.MaxExcerptLength), source.Stance, Lease, Now), ct);
    }

    public Task<Claim> RemoveSourceAsync(Guid claimId, Guid sourceId, Actor actor, CancellationToken ct) =>
        ChangeAsync(claimId, actor, claim =>
        {
            claim.RemoveSource(actor.UserId, sourceId, Lease, Now);
            return claim;
        }, ct);

    public Task<Verdict> ProposeVerdictAsync(Guid claimId, Actor actor, string? rating, string? rationale, CancellationToken ct)
    {
        var normalized = scale.Normalize(rating);
        return ChangeAsync(claimId, actor, claim => claim.ProposeVerdict(actor.UserId, normalized, rationale, Lease, Now), ct);
    }

    public Task<Verdict> ReturnVerdictAsync(Guid claimId, Actor actor, string? comment, CancellationToken ct) =>
        ChangeAsync(claimId, actor, claim =>
        {
            claim.ReturnVerdict(actor.UserId, comment, Lease, Now);
            return claim.CurrentVerdict!;
        }, ct);

    public Task<Verdict> ApproveAsync(Guid claimId, Actor actor, string? comment, CancellationToken ct) =>
        ChangeAsync(claimId, actor, async claim =>
        {
            var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == claim.ArticleId, ct);
            return claim.Approve(actor.UserId, comment, verdict => claimReviews.Build(claim, article, verdict), Now);
        }, ct);

    /// <summary>
    /// Reopens a published claim for a correction, back to the reviewer who proposed its verdict; when
    /// they are no longer available, to the queue, where the policy or "take next" finds someone else.
    /// </summary>
    public Task<Claim> CorrectAsync(Guid claimId, Actor actor, string? reason, CancellationToken ct) =>
        ChangeAsync(claimId, actor, async claim =>
        {
            claim.Reopen(actor.UserId, reason, Lease, Now + options.Value.ClaimSla, Now);
            var reviewer = claim.AssigneeId;
            if (!await db.Reviewers.AnyAsync(r => r.UserId == reviewer && r.IsAvailable, ct))
                claim.Release(actor.UserId, "correction: the reviewer of the published verdict is not available", Now);
            return claim;
        }, ct);

    public Task<Claim> StartWorkAsync(Guid claimId, Actor actor, CancellationToken ct) =>
        ChangeAsync(claimId, actor, claim =>
        {
            claim.StartWork(actor.UserId, Lease, Now);
            return claim;
        }, ct);

    /// <summary>The assignee gives the claim back to the queue (an editor may take it from them).</summary>
    public Task<Claim> ReleaseAsync(Guid claimId, Actor actor, CancellationToken ct) =>
        ChangeAsync(claimId, actor, claim =>
        {
            if (!actor.IsEditor && claim.AssigneeId != actor.UserId)
                throw new WorkflowException(WorkflowError.Forbidden, "Only the assigned reviewer or an editor can release this claim.");
            claim.Release(actor.UserId, "released", Now);
            return claim;
        }, ct);

    public Task<Claim> DismissAsync(Guid claimId, Actor actor, string? reason, Guid? duplicateOf, CancellationToken ct, DismissalReason? kind = null) =>
        ChangeAsync(claimId, actor, async claim =>
        {
            if (duplicateOf is { } original && (original == claimId || !await db.Claims.AnyAsync(c => c.Id == original, ct)))
                throw new WorkflowException(WorkflowError.Invalid, $"Claim '{original}' cannot be the original of this duplicate.");
            claim.Dismiss(actor.UserId, Trim(reason, MaxReasonLength, "The reason"), duplicateOf, Now, kind);
            if (claim.Dismissal == DismissalReason.NotCheckWorthy)
                db.DeskLabels.Add(LabelOf(claim, DeskLabelKind.Dismissed, actor));
            return claim;
        }, ct);

    public Task<Claim> RestoreAsync(Guid claimId, Actor actor, CancellationToken ct) =>
        ChangeAsync(claimId, actor, async claim =>
        {
            claim.Restore(actor.UserId, Now);
            // The decision that made the label is undone.
            db.DeskLabels.RemoveRange(await db.DeskLabels.Where(l => l.ClaimId == claimId && l.Kind == DeskLabelKind.Dismissed).ToListAsync(ct));
            return claim;
        }, ct);

    /// <summary>
    /// An editor makes a claim of a span the detector passed over. The detector describes it (score,
    /// quantities, speaker, embedding) and it is triaged and queued like a detected claim.
    /// </summary>
    public async Task<Claim> AddAsync(Guid articleId, Actor actor, NewClaim request, CancellationToken ct)
    {
        RefuseLongStatement(request.Statement);
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == articleId, ct)
            ?? throw WorkflowException.NotFound("Article", articleId);
        var span = request.SpanIn(article.Text);
        var open = await db.Claims
            .Where(c => c.ArticleId == articleId && c.Status != ClaimStatus.Split && c.Status != ClaimStatus.Dismissed)
            .Select(c => new { c.Id, c.Start, c.End })
            .ToListAsync(ct);
        if (open.FirstOrDefault(c => c.Start == span.Start && c.End == span.End) is { } same)
            throw new WorkflowException(WorkflowError.Conflict, $"This span is already claim {same.Id}.");
        if (await db.Claims.CountAsync(c => c.ArticleId == articleId, ct) >= MaxClaimsPerArticle)
            throw new WorkflowException(WorkflowError.Conflict, $"The article already has {MaxClaimsPerArticle} claims, the most one article can have.");

        var detected = Described(article.Text, span, request.Statement);
        var claim = Claim.Add(actor.UserId, articleId, detected, article.Language, article.Beat, Now);
        claim.Queue(Triage.PriorityOf(detected), Now + options.Value.ClaimSla, actor.UserId, Now);
        db.Claims.Add(claim);
        db.DeskLabels.Add(LabelOf(claim, DeskLabelKind.Added, actor));
        await SaveAsync(ConcurrentChange, ct);
        return claim;
    }

    /// <summary>
    /// An editor splits a claim into one claim per part (sub-spans of its own span), before a
    /// verdict is proposed; the claim is closed as Split.
    /// </summary>
    public Task<IReadOnlyList<Claim>> SplitAsync(Guid claimId, Actor actor, IReadOnlyList<NewClaim> parts, CancellationToken ct)
    {
        if (parts.Count > MaxSplitParts)
            throw new WorkflowException(WorkflowError.Invalid, $"A claim can be split into at most {MaxSplitParts} parts.");
        foreach (var part in parts)
            RefuseLongStatement(part.Statement);
        return ChangeAsync(claimId, actor, async claim =>
        {
            var text = await db.Articles.Where(a => a.Id == claim.ArticleId).Select(a => a.Text).SingleAsync(ct);
            var spans = parts.Select(p => (Span: p.SpanIn(text, new ClaimSpan(claim.Start, claim.End)), p.Statement)).ToList();
            claim.RefuseBadParts([.. spans.Select(p => p.Span)]);
            var created = claim.Split(actor.UserId, [.. spans.Select(p => Described(text, p.Span, p.Statement))], Lease, Now);
            db.Claims.AddRange(created);
            db.DeskLabels.AddRange(created.Select(c => LabelOf(c, DeskLabelKind.Split, actor)));
            return created;
        }, ct);
    }

    /// <summary>An editor undoes a split: the parts are dismissed as merged back and the claim is queued again.</summary>
    public Task<Claim> MergeBackAsync(Guid claimId, Actor actor, CancellationToken ct) =>
        ChangeAsync(claimId, actor, async claim =>
        {
            var parts = await db.Claims.WithSourcesAndVerdicts().Where(c => c.SplitFromId == claimId).ToListAsync(ct);
            claim.MergeBack(actor.UserId, parts, Now);
            var partIds = parts.Select(p => p.Id).ToList();
            db.DeskLabels.RemoveRange(await db.DeskLabels.Where(l => partIds.Contains(l.ClaimId) && l.Kind == DeskLabelKind.Split).ToListAsync(ct));
            return claim;
        }, ct);

    /// <summary>
    /// An editor merges claims of one article (typically the detector's atomic parts of a sentence)
    /// back into one claim over their joint span; the parts are closed as merged back.
    /// </summary>
    public async Task<Claim> MergeAsync(IReadOnlyList<Guid> claimIds, Actor actor, string? statement, CancellationToken ct)
    {
        RefuseLongStatement(statement);
        var ids = claimIds.Distinct().ToList();
        if (ids.Count is < 2 or > MaxSplitParts)
            throw new WorkflowException(WorkflowError.Invalid, $"A merge takes 2 to {MaxSplitParts} different claims.");
        var parts = await db.Claims.WithSourcesAndVerdicts().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Start).ToListAsync(ct);
        if (parts.Count < ids.Count)
            throw WorkflowException.NotFound("Claim", ids.First(id => parts.All(p => p.Id != id)));
        if (actor.ExpectedVersion is not null)
            throw new WorkflowException(WorkflowError.Invalid, "A merge changes several claims; it takes no single version (If-Match).");
        // Before the detector describes their joint span, which must lie in one article's text.
        Claim.RefuseMerge(parts);
        var text = await db.Articles.Where(a => a.Id == parts[0].ArticleId).Select(a => a.Text).SingleAsync(ct);
        var span = new ClaimSpan(parts.Min(p => p.Start), parts.Max(p => p.End));
        var merged = Claim.Merge(actor.UserId, parts, Described(text, span, statement), Now);
        db.Claims.Add(merged);
        await SaveAsync("Someone else changed one of these claims at the same time; reload and try again. Nothing was merged.", ct);
        return merged;
    }

    /// <summary>An editor or the claim's reviewer rewords the statement that is checked.</summary>
    public Task<Claim> RewordAsync(Guid claimId, Actor actor, string? statement, CancellationToken ct) =>
        ChangeAsync(claimId, actor, claim =>
        {
            if (!actor.IsEditor && !claim.IsWorkedBy(actor.UserId))
                throw new WorkflowException(WorkflowError.Forbidden, "Only an editor or the reviewer working on this claim can reword it.");
            claim.Reword(actor.UserId, statement, Now);
            return claim;
        }, ct);

    public Task<Claim> SetPriorityAsync(Guid claimId, Actor actor, int priority, CancellationToken ct)
    {
        // A bad value is refused before the claim is even read.
        Claim.RefuseOutOfRange(priority);
        return ChangeAsync(claimId, actor, claim =>
        {
            claim.SetPriority(priority, actor.UserId, Now);
            return claim;
        }, ct);
    }

    public Task<Claim> SetDueDateAsync(Guid claimId, Actor actor, DateTime dueAt, CancellationToken ct) =>
        ChangeAsync(claimId, actor, claim =>
        {
            // A time without an offset is UTC, as everywhere in the API.
            claim.ChangeDueDate(dueAt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dueAt, DateTimeKind.Utc) : dueAt.ToUniversalTime(), actor.UserId, Now);
            return claim;
        }, ct);

    /// <summary>
    /// An editor hands the claim to a reviewer of their choice, taking it from its current holder if
    /// need be. The editor may exceed the reviewer's capacity; a reviewer never checks their own article.
    /// </summary>
    public Task<Claim> AssignToAsync(Guid claimId, Actor actor, string reviewerId, CancellationToken ct) =>
        ChangeAsync(claimId, actor, async claim =>
        {
            var profile = await db.Reviewers.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == reviewerId, ct)
                ?? throw new WorkflowException(WorkflowError.Invalid, $"User '{reviewerId}' has no reviewer profile and cannot be assigned claims.");
            if (!profile.IsAvailable)
                throw new WorkflowException(WorkflowError.Conflict, $"{profile.DisplayName} is not available for assignments (see their profile under Admin).");
            if (await WroteArticleAsync(profile, claim.ArticleId, ct))
                throw new WorkflowException(WorkflowError.Conflict, $"{profile.DisplayName} wrote this article and cannot check its claims.");
            if (claim.AssigneeId == reviewerId && ClaimLifecycle.IsLeased(claim.Status))
                return claim;
            if (ClaimLifecycle.IsLeased(claim.Status))
                claim.Release(actor.UserId, $"reassigned by editor to {reviewerId}", Now);
            claim.Assign(reviewerId, Lease, actor.UserId, Now);
            return claim;
        }, ct);

    /// <summary>
    /// Assigns the reviewer the most urgent queued claim they can take (language, beat, not their
    /// own article). Reviewers taking at the same moment each get a different claim without waiting
    /// for one another: a claim being taken is passed over, not queued for.
    /// </summary>
    public async Task<Claim?> TakeNextAsync(string reviewerId, CancellationToken ct)
    {
        var profile = await db.Reviewers.FirstOrDefaultAsync(r => r.UserId == reviewerId, ct)
            ?? throw new WorkflowException(WorkflowError.Forbidden, "You have no reviewer profile; ask an admin to set your beats and languages.");
        var load = await assigner.ActiveClaimsOfAsync(reviewerId, ct);
        if (load >= profile.Capacity)
            throw new WorkflowException(WorkflowError.Conflict, $"You already hold {load} claims, your capacity; finish or release one first.");

        var languages = profile.Languages.Select(l => l.ToLowerInvariant()).ToList();
        var beats = profile.Beats.Select(b => b.ToLowerInvariant()).ToList();
        var ownArticles = new List<Guid>();
        var conflicts = 0;
        while (true)
        {
            // The most urgent claim no one else is taking this moment, locked until this transaction ends.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claim = (await NextFor(db.Claims, languages, beats, ownArticles).ToListAsync(ct)).SingleOrDefault();
            if (claim is null)
                return null;

            if (await WroteArticleAsync(profile, claim.ArticleId, ct))
            {
                // Their own article: none of its claims, and the lock goes back with the rollback. Each
                // such round excludes one more article, so the loop ends.
                ownArticles.Add(claim.ArticleId);
                db.ChangeTracker.Clear();
                continue;
            }

            claim.Assign(reviewerId, Lease, reviewerId, Now);
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                outbox.Notify();
                return claim;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Only without row locks (SQLite): another taker wrote it first. Read again, a few times.
                db.ChangeTracker.Clear();
                if (++conflicts == 10)
                    throw new WorkflowException(WorkflowError.Conflict, "Other reviewers took the claims you were offered at the same moment; try again.");
            }
        }
    }

    /// <summary>
    /// Take-next's read: the most urgent queued claim for the reviewer that no one else is taking,
    /// locked. Only the one claim: locking more would push the others past claims no one takes.
    /// </summary>
    internal static IQueryable<Claim> NextFor(IQueryable<Claim> claims, List<string> languages, List<string> beats, List<Guid> excludedArticles) =>
        claims
            .Where(c => c.Status == ClaimStatus.Queued && languages.Contains(c.Language))
            .Where(c => beats.Count == 0 || c.Beat == null || beats.Contains(c.Beat))
            .Where(c => !excludedArticles.Contains(c.ArticleId))
            .OrderByDescending(c => c.Priority).ThenBy(c => c.DueAt).ThenBy(c => c.CreatedAt)
            .Take(1)
            .LockingSkipLocked();

    /// <summary>Nobody checks an article they wrote: the rule as the desk applies it to one article's byline.</summary>
    private async Task<bool> WroteArticleAsync(ReviewerProfile profile, Guid articleId, CancellationToken ct) =>
        profile.IsAuthorOf(Article.SplitAuthors(await db.Articles.Where(a => a.Id == articleId).Select(a => a.Author).FirstAsync(ct)));

    private Task<T> ChangeAsync<T>(Guid claimId, Actor actor, Func<Claim, T> change, CancellationToken ct) =>
        ChangeAsync(claimId, actor, claim => Task.FromResult(change(claim)), ct);

    private async Task<T> ChangeAsync<T>(Guid claimId, Actor actor, Func<Claim, Task<T>> change, CancellationToken ct)
    {
        var claim = await db.Claims
            .WithSourcesAndVerdicts()
            .FirstOrDefaultAsync(c => c.Id == claimId, ct)
            ?? throw WorkflowException.NotFound("Claim", claimId);
        if (actor.ExpectedVersion is { } expected && expected != claim.Version)
        {
            throw new WorkflowException(WorkflowError.Conflict,
                $"The claim changed since you loaded it (you have version {expected}, it is now at version {claim.Version}); reload it and try again.");
        }

        var result = await change(claim);
        await SaveAsync(ConcurrentChange, ct);
        return result;
    }

    /// <summary>More claims than this in one article is no longer a desk's work but a mistake or an attack.</summary>
    public const int MaxClaimsPerArticle = 1000;

    public const int MaxSplitParts = 10;

    private DetectedClaim Described(string text, ClaimSpan span, string? statement)
    {
        var detected = detector.Describe(text, span.Start, span.End);
        return string.IsNullOrWhiteSpace(statement) ? detected : detected with { Statement = statement.Trim() };
    }

    private static void RefuseLongStatement(string? statement)
    {
        if (statement?.Trim().Length > Claim.MaxStatementLength)
            throw new WorkflowException(WorkflowError.Invalid, $"A statement may have at most {Claim.MaxStatementLength} characters; it is one checkable assertion.");
    }

    /// <summary>The editorial decision about <paramref name="claim"/>'s check-worthiness, as a training label of its quoted text.</summary>
    private DeskLabel LabelOf(Claim claim, DeskLabelKind kind, Actor actor) => new(claim.Id, claim.Text, kind, claim.Language, actor.UserId, Now);

    private const string ConcurrentChange = "Someone else changed the claim at the same time; reload it and try again. Nothing of yours was saved.";

    /// <summary>Saves the unit of work and wakes the outbox; a concurrent edit is a conflict, said with <paramref name="conflict"/>.</summary>
    private async Task SaveAsync(string conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new WorkflowException(WorkflowError.Conflict, conflict);
        }

        outbox.Notify();
    }

    private const int MaxReasonLength = 1000;

    /// <summary>The text without surrounding white space, null when empty; refused when longer than <paramref name="max"/>.</summary>
    private static string? Trim(string? value, int max, string what = "A field of the source")
    {
        var trimmed = value?.Trim();
        if (trimmed?.Length > max)
            throw new WorkflowException(WorkflowError.Invalid, $"{what} has more than {max} characters.");
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
