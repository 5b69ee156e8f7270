namespace FactCheck.Workflow.Claims;

/// <summary>A claim (with its verdicts) as the export reads it, with its article's title and URL.</summary>
public sealed record ExportedClaim(Claim Claim, string ArticleTitle, string? ArticleUrl);
