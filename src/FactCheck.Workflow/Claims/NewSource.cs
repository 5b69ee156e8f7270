using FactCheck.Workflow.Sources;

namespace FactCheck.Workflow.Claims;

/// <summary>A source as a reviewer typed it, before it is checked and attached.</summary>
public sealed record NewSource(string? Url, string? Title, string? Publisher, string? Excerpt, SourceStance Stance);
