namespace FactCheck.Workflow.Sources;

/// <summary>Settings under <c>FactCheck:LinkCheck</c>.</summary>
public sealed class LinkCheckOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>Allow sources on loopback and private networks (tests, intranets). Off: such links are refused, not fetched.</summary>
    public bool AllowPrivateNetworks { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
}
