namespace FactCheck.Web.Api;

public sealed record ResultPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
