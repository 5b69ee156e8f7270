using FactCheck.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactCheck.Web.Api;

/// <summary>Admin: API keys for machine clients, created, listed and revoked.</summary>
internal static class ApiKeysApi
{
    public static void MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/admin/api-keys").WithTags("Admin").RequireAuthorization(Policies.Administer);
        keys.MapGet("/", async (ApiKeyAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)));
        keys.MapPost("/", async Task<Created<CreatedApiKey>> (CreateApiKeyRequest request, HttpContext http, ApiKeyAdmin admin, CancellationToken ct) =>
        {
            var created = await admin.CreateAsync(request, http.User.UserId(), ct);
            return TypedResults.Created($"/api/admin/api-keys/{created.Key.Id}", created);
        });
        keys.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, ApiKeyAdmin admin, CancellationToken ct) =>
        {
            await admin.RevokeAsync(id, ct);
            return TypedResults.NoContent();
        });
    }
}
