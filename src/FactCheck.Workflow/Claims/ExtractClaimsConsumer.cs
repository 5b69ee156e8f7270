using FactCheck.Contracts;
using FactCheck.Detection;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactCheck.Workflow.Claims;

/// <summary>Finds the check-worthy claims of a received article, triages them and puts them in the queue.</summary>
public sealed class ExtractClaimsConsumer(
    FactCheckDbContext db,
    IClaimDetector detector,
    IOptions<WorkflowOptions> options,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<ExtractClaimsConsumer> logger)
    : IdempotentConsumer<ArticleReceived>(db, outbox, time, logger)
{
    protected override async Task Handle(ConsumeContext<ArticleReceived> context)
    {
        var article = await Db.Articles.FirstOrDefaultAsync(a => a.Id == context.Message.ArticleId, context.CancellationToken)
            ?? throw new MessageRejectedException($"Article {context.Message.ArticleId} does not exist.");
        if (await Db.Claims.AnyAsync(c => c.ArticleId == article.Id, context.CancellationToken))
            return;

        var now = Now;
        var detected = detector.Detect(article.Text);
        var kept = ClaimDetector.KeepMostCheckWorthy(detected, options.Value.MaxClaimsPerArticle);
        if (kept.Count < detected.Count)
        {
            logger.LogWarning("Article {ArticleId} has {Found} check-worthy sentences; the {Kept} most check-worthy became claims", article.Id, detected.Count, kept.Count);
        }

        var claims = Extract(article, kept, now);
        article.Extracted(claims, detected.Count - kept.Count, now);
        foreach (var claim in claims)
            Db.Claims.Add(claim);
        logger.LogInformation("Extracted {Count} claims from article {ArticleId}", claims.Count, article.Id);
    }

    private List<Claim> Extract(Article article, IReadOnlyList<DetectedClaim> detected, DateTime now)
    {
        var claims = new List<Claim>(detected.Count);
        foreach (var found in detected)
        {
            var duplicateOf = found.DuplicateOf is { } index ? claims[index].Id : (Guid?)null;
            var claim = new Claim(Guid.NewGuid(), article.Id, found, article.Language, article.Beat, now, duplicateOf);
            claim.Queue(Triage.PriorityOf(found), now + options.Value.ClaimSla, actor: null, now);
            claims.Add(claim);
        }

        return claims;
    }
}
