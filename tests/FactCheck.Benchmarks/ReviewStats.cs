using FactCheck.Workflow.Claims;

namespace FactCheck.Benchmarks;

internal sealed record ReviewStats(DateTime Start, double Seconds, bool TimedOut, int Transitions, Dictionary<ClaimStatus, int> Statuses, CallLog Calls);
