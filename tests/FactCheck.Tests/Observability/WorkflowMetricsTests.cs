using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Observability;

/// <summary>The workflow's own metrics, read the way an OpenTelemetry exporter reads them.</summary>
public sealed class WorkflowMetricsTests
{
    [Fact]
    public async Task Assignment_times_batches_transitions_and_claims_by_status_are_measured_for_this_app()
    {
        // With the job server: the census runs where the jobs run.
        await using var app = new FactCheckApp(TestStack.Embedded());
        await app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], ["defence"], capacity: 100);
        await app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        var histograms = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var transitions = new ConcurrentDictionary<string, long>();
        var census = new ConcurrentDictionary<string, int>();
        var batches = new ConcurrentQueue<int>();
        using var listener = new MeterListener();
        // Only this app's meter: other tests' apps run in the same process.
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WorkflowMetrics.Name && instrument.Meter.Scope == meters)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => histograms.GetOrAdd(instrument.Name, _ => []).Add(value));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => transitions.AddOrUpdate(Tag(tags, "to"), value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "factcheck.assignment.batch_size")
                batches.Enqueue(value);
            else
                census[Tag(tags, "status")] = value;
        });
        listener.Start();

        using var editor = await app.ClientForAsync("eddie@newsroom.test");
        var accepted = (await (await editor.PostAsJsonAsync("/api/articles", SampleArticle.Request())).Content.ReadFromJsonAsync<ArticleAccepted>())!;
        var claims = await AssignedArticle.StoredClaimsAsync(app, accepted.ArticleId, "the claims to be assigned");

        // Measured just after each commit, so possibly a moment after the test sees the rows.
        await Eventually.Until(
            () => Task.FromResult((transitions.GetValueOrDefault("Queued"), transitions.GetValueOrDefault("Assigned"), batches.Sum())),
            measured => measured == (claims.Count, claims.Count, claims.Count), what: "the claims' transitions to be measured");
        var assignments = histograms.GetValueOrDefault("factcheck.claim.time_to_assignment") ?? [];
        Assert.Equal(claims.Count, assignments.Count);
        Assert.All(assignments, seconds => Assert.InRange(seconds, 0, 60));
        // The article's claims are queued together and placed in batches, not one transaction each.
        Assert.InRange(batches.Count, 1, claims.Count / 2);

        // The census refreshes in the background; the gauge reports what it last counted.
        await Eventually.Until(
            () =>
            {
                listener.RecordObservableInstruments();
                return Task.FromResult(census.GetValueOrDefault("Assigned"));
            },
            assigned => assigned == claims.Count, TimeSpan.FromSeconds(40), "the census to count the assigned claims");
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
                return tag.Value?.ToString() ?? "";
        }

        return "";
    }
}
