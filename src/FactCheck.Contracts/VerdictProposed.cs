namespace FactCheck.Contracts;

[WireName("verdict-proposed", 1)]
public sealed record VerdictProposed(Guid ClaimId, Guid VerdictId, string Rating, string Rationale, string? ProposedBy);
