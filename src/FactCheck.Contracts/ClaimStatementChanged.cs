namespace FactCheck.Contracts;

/// <summary>The statement that is checked was reworded; the quoted span in the article is unchanged.</summary>
[WireName("claim-statement-changed", 1)]
public sealed record ClaimStatementChanged(Guid ClaimId, Guid ArticleId, string Statement, string PreviousStatement, string ChangedBy, DateTime ChangedAt);
