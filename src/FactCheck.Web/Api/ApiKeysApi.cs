using FactCheck.Web.Auth;
using FactCheck.Workflow;
using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Web.Api;

public sealed record CreateApiKeyRequest(string? Name, string? Role);

/// <summary>An API key as listed: never its secret.</summary>
public sealed record ApiKeyResponse(Guid Id, string Name, string Role, string Lookup, string CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey k) => new(k.Id, k.Name, k.Role, k.Lookup, k.CreatedBy, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}

/// <summary>The one time the secret is shown.</summary>
public sealed record CreatedApiKey(ApiKeyResponse Key, string Secret);

/// <summary>Admin: API keys for machine clients, created, listed and revoked (for the API and the admin page).</summary>
internal static class ApiKeysApi
{
    public static void MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/admin/api-keys").WithTags("Admin").RequireAuthorization(Policies.Administer);
        keys.MapGet("/", async (FactCheckDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(db, ct)));
        keys.MapPost("/", async Task<Created<CreatedApiKey>> (CreateApiKeyRequest request, HttpContext http, FactCheckDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var created = await CreateAsync(db, request, http.User.UserId(), time.GetUtcNow().UtcDateTime, ct);
            return TypedResults.Created($"/api/admin/api-keys/{created.Key.Id}", created);
        });
        keys.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, FactCheckDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            await RevokeAsync(db, id, time.GetUtcNow().UtcDateTime, ct);
            return TypedResults.NoContent();
        });
    }

    public static async Task<List<ApiKeyResponse>> ListAsync(FactCheckDbContext db, CancellationToken ct) =>
        [.. (await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct)).Select(ApiKeyResponse.From)];

    public static async Task<CreatedApiKey> CreateAsync(FactCheckDbContext db, CreateApiKeyRequest request, string createdBy, DateTime now, CancellationToken ct)
    {
        if (request.Role is not { } role || !Roles.All.Contains(role))
            throw new WorkflowException(WorkflowError.Invalid, $"An API key needs one role: {string.Join(", ", Roles.All)}.");
        // The lookup is 32 random bits under a unique index: a clash (rare) just draws again.
        for (var attempt = 1; ; attempt++)
        {
            var (key, secret) = ApiKey.Create(request.Name ?? "", role, createdBy, now);
            db.ApiKeys.Add(key);
            try
            {
                await db.SaveChangesAsync(ct);
                return new CreatedApiKey(ApiKeyResponse.From(key), secret);
            }
            catch (DbUpdateException ex) when (attempt < 3 && Database.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public static async Task RevokeAsync(FactCheckDbContext db, Guid id, DateTime now, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw WorkflowException.NotFound("API key", id);
        key.Revoke(now);
        await db.SaveChangesAsync(ct);
    }
}
