namespace FactCheck.Web.Api;

public sealed record AssignRequest(string? ReviewerId);
