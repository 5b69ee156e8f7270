namespace FactCheck.Workflow.Claims;

/// <summary>A claim's text and every event of its audit trail, oldest first.</summary>
public sealed record ClaimHistory(Guid ClaimId, string Text, IReadOnlyList<ClaimEvent> Events);
