using System.Diagnostics.Metrics;
using FactCheck.Contracts;
using FactCheck.Workflow.Claims;

namespace FactCheck.Workflow;

/// <summary>
/// The workflow's metrics (meter <c>FactCheck</c>). Durations are recorded once a change is saved,
/// from the claim's extraction; the status census is refreshed in the background, so a metrics
/// scrape never waits for the database.
/// </summary>
public sealed class WorkflowMetrics
{
    public const string Name = "FactCheck";

    private readonly Histogram<double> _toAssignment;
    private readonly Histogram<double> _toVerdict;
    private readonly Histogram<double> _toPublication;
    private readonly Counter<long> _transitions;
    private readonly Histogram<int> _assignmentBatch;
    private volatile IReadOnlyDictionary<ClaimStatus, int> _census = new Dictionary<ClaimStatus, int>();

    public WorkflowMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _toAssignment = meter.CreateHistogram<double>("factcheck.claim.time_to_assignment", "s", "Time from a claim's extraction to its assignment to a reviewer.");
        _toVerdict = meter.CreateHistogram<double>("factcheck.claim.time_to_verdict", "s", "Time from a claim's extraction to a proposed verdict.");
        _toPublication = meter.CreateHistogram<double>("factcheck.claim.time_to_publication", "s", "Time from a claim's extraction to its published verdict.");
        _transitions = meter.CreateCounter<long>("factcheck.claim.transitions", "{transition}", "Claim status changes, by target status.");
        _assignmentBatch = meter.CreateHistogram<int>("factcheck.assignment.batch_size", "{claim}", "Queued claims taken up together by one assignment transaction.");
        meter.CreateObservableGauge(
            "factcheck.claims",
            () => _census.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("status", c.Key.ToString()))),
            "{claim}",
            "Claims by status (the queue depth is status=Queued), refreshed every 15 s.");
    }

    /// <summary>Records what a saved change means for the durations and counters.</summary>
    internal void Saved(Claim claim, object message, DateTime now)
    {
        var since = (now - claim.CreatedAt).TotalSeconds;
        switch (message)
        {
            case ClaimAssigned:
                _toAssignment.Record(since);
                break;
            case VerdictProposed:
                _toVerdict.Record(since);
                break;
            case ClaimStatusChanged changed:
                _transitions.Add(1, new KeyValuePair<string, object?>("to", changed.To));
                if (changed.To == nameof(ClaimStatus.Published))
                    _toPublication.Record(since);
                break;
        }
    }

    internal void AssignmentBatch(int claims) => _assignmentBatch.Record(claims);

    internal void Census(IReadOnlyDictionary<ClaimStatus, int> counts) => _census = counts;
}
