using FactCheck.Web.Api;
using FactCheck.Workflow;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Web.Auth;

/// <summary>
/// Accounts, roles and reviewer profiles, for the admin API and the admin page alike. <see cref="CreateAsync"/>
/// is the one way a person joins: the demo seeder and the tests use it too.
/// </summary>
public sealed class Staff(UserManager<IdentityUser> users, FactCheckDbContext db)
{
    /// <summary>Creates the account, its roles and its profile in one transaction; Identity's objections come back by code.</summary>
    public async Task<(ReviewerProfile? Profile, Dictionary<string, string[]> Errors)> CreateAsync(CreateUserRequest request, CancellationToken ct)
    {
        var roles = request.Roles ?? [];
        var unknown = roles.Except(Roles.All).ToList();
        if (unknown.Count > 0)
            throw new WorkflowException(WorkflowError.Invalid, $"Unknown role(s): {string.Join(", ", unknown)}. Roles are {string.Join(", ", Roles.All)}.");
        if (string.IsNullOrWhiteSpace(request.DisplayName))
            throw new WorkflowException(WorkflowError.Invalid, "A user needs a display name.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new IdentityUser { UserName = request.Email, Email = request.Email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, request.Password ?? "");
        if (!created.Succeeded)
            return (null, created.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        if (roles.Count > 0)
            await users.AddToRolesAsync(user, roles);

        // Everyone gets a profile (their byline name keeps them off their own articles); only reviewers take claims.
        var profile = new ReviewerProfile(user.Id, request.DisplayName.Trim());
        Update(profile, new UpdateReviewerRequest(request.Beats, request.Languages, request.Capacity, roles.Contains(Roles.Reviewer)));
        db.Reviewers.Add(profile);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (profile, []);
    }

    /// <summary>Every profile (reviewers and everyone else), by display name.</summary>
    public async Task<List<ReviewerProfile>> ProfilesAsync(CancellationToken ct) =>
        await db.Reviewers.AsNoTracking().OrderBy(r => r.DisplayName).ToListAsync(ct);

    public async Task<ReviewerProfile> UpdateProfileAsync(string userId, UpdateReviewerRequest request, CancellationToken ct)
    {
        var profile = await db.Reviewers.FirstOrDefaultAsync(r => r.UserId == userId, ct) ?? throw WorkflowException.NotFound("Reviewer", userId);
        Update(profile, request);
        await db.SaveChangesAsync(ct);
        return profile;
    }

    public async Task SetRoleAsync(string userId, string role, bool member)
    {
        if (!Roles.All.Contains(role))
            throw new WorkflowException(WorkflowError.Invalid, $"Unknown role '{role}'. Roles are {string.Join(", ", Roles.All)}.");
        var user = await users.FindByIdAsync(userId) ?? throw WorkflowException.NotFound("User", userId);
        var result = member ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
        if (!result.Succeeded)
            throw new WorkflowException(WorkflowError.Conflict, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (role == Roles.Reviewer && await db.Reviewers.FirstOrDefaultAsync(r => r.UserId == userId) is { } profile)
        {
            profile.IsAvailable = member;
            await db.SaveChangesAsync();
        }

        // Signs the user's open pages and cookies out, so the new roles apply from their next sign-in.
        await users.UpdateSecurityStampAsync(user);
    }

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken ct)
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var memberships = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var roles = memberships.ToLookup(m => m.UserId, m => m.Name!);
        var profiles = await db.Reviewers.AsNoTracking().ToDictionaryAsync(r => r.UserId, ct);
        return [.. accounts.Select(a => new StaffMember(a.Id, a.Email ?? a.Id, [.. roles[a.Id].Order()], profiles.GetValueOrDefault(a.Id)))];
    }

    private static void Update(ReviewerProfile profile, UpdateReviewerRequest request)
    {
        if (request.Capacity is { } capacity)
        {
            if (capacity is < 0 or > 500)
                throw new WorkflowException(WorkflowError.Invalid, "Capacity must be between 0 and 500 claims.");
            profile.Capacity = capacity;
        }

        if (request.Beats is { } beats)
            profile.Beats = Normalize(beats);
        if (request.Languages is { } languages)
            profile.Languages = Normalize(languages);
        if (request.IsAvailable is { } available)
            profile.IsAvailable = available;
    }

    private static List<string> Normalize(IEnumerable<string> values) =>
        [.. values.Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length is > 0 and <= 64).Distinct()];
}
