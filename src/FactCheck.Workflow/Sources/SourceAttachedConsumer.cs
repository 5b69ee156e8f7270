using FactCheck.Contracts;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using Hangfire;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactCheck.Workflow.Sources;

/// <summary>Schedules a link check for every attached source; the check itself runs as a Hangfire job.</summary>
public sealed class SourceAttachedConsumer(
    FactCheckDbContext db,
    IBackgroundJobClient jobs,
    IOptions<LinkCheckOptions> options,
    OutboxSignal outbox,
    TimeProvider time,
    ILogger<SourceAttachedConsumer> logger)
    : IdempotentConsumer<SourceAttached>(db, outbox, time, logger)
{
    protected override Task Handle(ConsumeContext<SourceAttached> context)
    {
        if (options.Value.Enabled)
            jobs.Enqueue<LinkCheckJob>(job => job.CheckAsync(context.Message.SourceId, CancellationToken.None));
        return Task.CompletedTask;
    }
}
