using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Sources;

namespace FactCheck.Web.Components.Workspace;

/// <summary>The source form as the reviewer types it (and as a saved draft restores it).</summary>
public sealed class SourceDraft
{
    public string? Url { get; set; }
    public string? Title { get; set; }
    public string? Publisher { get; set; }
    public string? Excerpt { get; set; }
    public SourceStance Stance { get; set; } = SourceStance.Supports;

    public static SourceDraft Of(Source source) =>
        new() { Url = source.Url, Title = source.Title, Publisher = source.Publisher, Excerpt = source.Excerpt, Stance = source.Stance };

    public NewSource ToNewSource() => new(Url, Title, Publisher, Excerpt, Stance);
}
