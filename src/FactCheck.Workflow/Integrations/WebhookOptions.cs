namespace FactCheck.Workflow.Integrations;

/// <summary>Settings under <c>FactCheck:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    /// <summary>Allow endpoints on loopback and private networks (tests, intranets). Off: they are refused.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long an endpoint has to answer before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Waits before the 2nd, 3rd, … attempt (Hangfire schedules to the second); after the last one the delivery is marked failed.</summary>
    public TimeSpan[]? RetryDelays { get; set; }

    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays is { Length: > 0 } delays
        ? delays
        : [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24)];
}
