namespace FactCheck.Web.Components.Workspace;

/// <summary>The verdict form as the reviewer types it (and as a saved draft restores it).</summary>
public sealed class VerdictDraft
{
    public string Rating { get; set; } = "";
    public string? Rationale { get; set; }
}
