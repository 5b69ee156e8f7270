namespace FactCheck.Web.Api;

public sealed record PriorityRequest(int Priority);
