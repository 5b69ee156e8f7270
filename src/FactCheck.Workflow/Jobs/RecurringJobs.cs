using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.References;
using FactCheck.Workflow.Sources;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FactCheck.Workflow.Jobs;

/// <summary>
/// Registers the recurring jobs when a job server starts (re-registering is idempotent). On storage
/// that lives in memory, also resumes the one-off jobs the last process took with it: link checks and
/// embeddings of imported verified claims (webhook deliveries are stored rows, which the webhook sweep picks up).
/// </summary>
public sealed class RecurringJobs(IRecurringJobManager recurring, IBackgroundJobClient jobs, JobStorage storage, IOptions<WorkflowOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var cron = options.Value.SweepCron;
        recurring.AddOrUpdate<LeaseSweepJob>("lease-sweep", j => j.RunAsync(CancellationToken.None), cron);
        recurring.AddOrUpdate<SlaJob>("sla", j => j.RunAsync(CancellationToken.None), cron);
        recurring.AddOrUpdate<WebhookSender>("webhook-sweep", j => j.SweepAsync(CancellationToken.None), cron);
        recurring.AddOrUpdate<CleanupJob>("cleanup", j => j.RunAsync(CancellationToken.None), Cron.Daily());
        if (storage is InMemoryStorage)
        {
            jobs.Enqueue<LinkCheckJob>(j => j.ResumeAsync(CancellationToken.None));
            jobs.Enqueue<ReferenceEmbeddingJob>(j => j.RunAsync(CancellationToken.None));
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
