using FactCheck.Workflow.Claims;

namespace FactCheck.Workflow.Articles;

/// <summary>An article and the claims found in it, in text order.</summary>
public sealed record ArticleWithClaims(Article Article, IReadOnlyList<Claim> Claims);
