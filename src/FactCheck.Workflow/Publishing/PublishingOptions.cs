namespace FactCheck.Workflow.Publishing;

/// <summary>Settings under <c>FactCheck:Publishing</c>: who publishes the verdicts and where.</summary>
public sealed class PublishingOptions
{
    public string OrganizationName { get; set; } = "FactCheck";
    public string? OrganizationUrl { get; set; }
    /// <summary>Base of public claim URLs, e.g. <c>https://factcheck.example.org</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
}
