namespace FactCheck.Web.Api;

public sealed record ReviewRequest(string? Comment);
