using FactCheck.Contracts;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow.Articles;

/// <summary>Stores a submitted article, whoever sent it (API, web UI or an outside system on the bus).</summary>
public sealed class SubmitArticleConsumer(FactCheckDbContext db, OutboxSignal outbox, TimeProvider time, ILogger<SubmitArticleConsumer> logger)
    : IdempotentConsumer<SubmitArticle>(db, outbox, time, logger)
{
    protected override async Task Handle(ConsumeContext<SubmitArticle> context)
    {
        var message = context.Message;
        var errors = ArticleSubmission.Validate(message);
        if (errors.Count > 0)
            throw new MessageRejectedException($"SubmitArticle {message.ArticleId} was rejected: {ArticleSubmission.Describe(errors)}");

        if (await Db.Articles.AnyAsync(a => a.Id == message.ArticleId, context.CancellationToken))
        {
            logger.LogInformation("Article {ArticleId} already exists; SubmitArticle has no second effect", message.ArticleId);
            return;
        }

        Db.Articles.Add(Article.Receive(message, Now));
    }
}
