namespace FactCheck.Web.Api;

public sealed record CreateUserRequest(
    string? Email,
    string? Password,
    string? DisplayName,
    IReadOnlyList<string>? Roles,
    IReadOnlyList<string>? Beats,
    IReadOnlyList<string>? Languages,
    int? Capacity);
