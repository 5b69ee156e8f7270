namespace FactCheck.Contracts;

[WireName("article-received", 1)]
public sealed record ArticleReceived(Guid ArticleId, string Title, string? Outlet, string? Url, string Language, DateTime ReceivedAt);
