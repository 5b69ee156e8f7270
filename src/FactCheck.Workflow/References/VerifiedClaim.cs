namespace FactCheck.Workflow.References;

/// <summary>A verified claim as read from an import file, before it is stored.</summary>
public sealed record VerifiedClaim(string Key, string Text, string? Title, string? Rating, string? Url, string? Publisher, DateTime? ReviewedAt);
