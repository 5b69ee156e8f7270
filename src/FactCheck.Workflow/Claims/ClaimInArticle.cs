using FactCheck.Workflow.Articles;

namespace FactCheck.Workflow.Claims;

/// <summary>A claim (with its sources and verdicts) and the article it was found in.</summary>
public sealed record ClaimInArticle(Claim Claim, Article Article);
