namespace FactCheck.Workflow.Assignment;

/// <summary>What the policy needs to know about the claim being placed; <see cref="PreviousAssignee"/> let its lease run out.</summary>
public sealed record ClaimToPlace(string Language, string? Beat, IReadOnlyList<string> ArticleAuthors, string? PreviousAssignee = null);
