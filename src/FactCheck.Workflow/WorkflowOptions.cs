namespace FactCheck.Workflow;

/// <summary>Settings under <c>FactCheck:Workflow</c>.</summary>
public sealed class WorkflowOptions
{
    /// <summary>How long a reviewer holds a claim without activity before it returns to the queue.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Time from triage to the claim's due date.</summary>
    public TimeSpan ClaimSla { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Claims due within this window get their priority raised by the SLA job.</summary>
    public TimeSpan NearDueWindow { get; set; } = TimeSpan.FromHours(4);

    public int EscalationPriorityRaise { get; set; } = 20;

    /// <summary>
    /// Push: the assignment policy gives each queued claim to a reviewer. Off (pull): claims wait in
    /// the queue until a reviewer presses "Take next" or an editor assigns them.
    /// </summary>
    public bool AutoAssign { get; set; } = true;

    /// <summary>
    /// The most claims one article becomes; a real article has tens. Beyond it (a transcript, a data
    /// dump, an attack on the queue) the most check-worthy are kept and the article says how many were not.
    /// </summary>
    public int MaxClaimsPerArticle { get; set; } = 250;

    /// <summary>Run the message consumers and the outbox dispatcher in this process.</summary>
    public bool RunConsumers { get; set; } = true;

    /// <summary>Run a Hangfire server (recurring sweeps, link checks) in this process.</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>How often the job server looks for delayed jobs that have come due (webhook and link-check retries).</summary>
    public TimeSpan DelayedJobPolling { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cron of the lease sweep, SLA and webhook sweep jobs.</summary>
    public string SweepCron { get; set; } = "* * * * *";
}
