namespace FactCheck.Web.Api;

public sealed record StatementRequest(string? Statement);
