namespace FactCheck.Workflow.Claims;

/// <summary>A claim named beside another: its original, a duplicate, the claim it was split from, or a part.</summary>
public sealed record RelatedClaim(Guid Id, string Statement, ClaimStatus Status);
