using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FactCheck.Workflow;

/// <summary>Counts claims by status for the <c>factcheck.claims</c> gauge.</summary>
internal sealed class ClaimCensus(IServiceScopeFactory scopes, WorkflowMetrics metrics, ILogger<ClaimCensus> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FactCheckDbContext>();
                metrics.Census(await db.Claims.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Claim census failed; the gauge keeps its last counts");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
