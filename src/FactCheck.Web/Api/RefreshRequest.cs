namespace FactCheck.Web.Api;

public sealed record RefreshRequest(string RefreshToken);
