using FactCheck.Workflow.Sources;

namespace FactCheck.Workflow.Verdicts;

/// <summary>A source as it stood when the verdict citing it was approved.</summary>
public sealed record CitedSource(string Url, string? Title, string? Publisher, string? Excerpt, SourceStance Stance)
{
    public static CitedSource From(Source s) => new(s.Url, s.Title, s.Publisher, s.Excerpt, s.Stance);
}
