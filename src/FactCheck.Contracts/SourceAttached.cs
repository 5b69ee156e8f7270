namespace FactCheck.Contracts;

[WireName("source-attached", 1)]
public sealed record SourceAttached(Guid ClaimId, Guid SourceId, string Url, string Stance, string? AttachedBy);
