namespace FactCheck.Web.Api;

public sealed record ProposeVerdictRequest(string? Rating, string? Rationale);
