namespace FactCheck.Contracts;

[WireName("verdict-returned", 1)]
public sealed record VerdictReturned(Guid ClaimId, Guid VerdictId, string Comment, string? ReturnedBy);
