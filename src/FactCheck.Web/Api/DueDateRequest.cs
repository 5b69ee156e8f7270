namespace FactCheck.Web.Api;

public sealed record DueDateRequest(DateTime DueAt);
