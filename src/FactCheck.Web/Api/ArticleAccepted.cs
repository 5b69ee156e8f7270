namespace FactCheck.Web.Api;

public sealed record ArticleAccepted(Guid ArticleId, string Location);
