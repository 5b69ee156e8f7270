namespace FactCheck.Contracts;

[WireName("claims-extracted", 1)]
public sealed record ClaimsExtracted(Guid ArticleId, IReadOnlyList<Guid> ClaimIds, DateTime ExtractedAt);
