namespace FactCheck.Web.Demo;

/// <summary>Settings under <c>FactCheck:Demo</c>.</summary>
public sealed class DemoOptions
{
    /// <summary>Seed demo users and the sample article. Honoured in embedded mode only.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>
    /// A text file to submit instead of the sample article embedded in the app (Demo/SampleArticle);
    /// a relative path is relative to the content root. Not set: the embedded one.
    /// </summary>
    public string? ArticlePath { get; set; }
}
