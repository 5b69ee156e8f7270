namespace FactCheck.Web.Api;

public sealed record DismissRequest(string? Reason, Guid? DuplicateOf);
