using FactCheck.Web.Api;
using FactCheck.Workflow;
using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Web.Auth;

/// <summary>
/// API keys for machine clients, created, listed and revoked, for the admin API and the admin page alike.
/// It sits with the sign-in code because a key's role is one of <see cref="Roles"/>.
/// </summary>
public sealed class ApiKeyAdmin(FactCheckDbContext db, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Every key, revoked ones too, newest first.</summary>
    public async Task<List<ApiKeyResponse>> ListAsync(CancellationToken ct) =>
        [.. (await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(ct)).Select(ApiKeyResponse.From)];

    public async Task<CreatedApiKey> CreateAsync(CreateApiKeyRequest request, string createdBy, CancellationToken ct)
    {
        if (request.Role is not { } role || !Roles.All.Contains(role))
            throw new WorkflowException(WorkflowError.Invalid, $"An API key needs one role: {string.Join(", ", Roles.All)}.");
        // The lookup is 32 random bits under a unique index: a clash (rare) just draws again.
        for (var attempt = 1; ; attempt++)
        {
            var (key, secret) = ApiKey.Create(request.Name ?? "", role, createdBy, Now);
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

    public async Task RevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw WorkflowException.NotFound("API key", id);
        key.Revoke(Now);
        await db.SaveChangesAsync(ct);
    }
}
