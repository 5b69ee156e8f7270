using FactCheck.Web.Auth;
using FactCheck.Workflow;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Web.Api;

public sealed record CreateUserRequest(
    string? Email,
    string? Password,
    string? DisplayName,
    IReadOnlyList<string>? Roles,
    IReadOnlyList<string>? Beats,
    IReadOnlyList<string>? Languages,
    int? Capacity);

public sealed record ReviewerResponse(string UserId, string DisplayName, IReadOnlyList<string> Beats, IReadOnlyList<string> Languages, int Capacity, bool IsAvailable)
{
    public static ReviewerResponse From(ReviewerProfile p) => new(p.UserId, p.DisplayName, p.Beats, p.Languages, p.Capacity, p.IsAvailable);
}

public sealed record UpdateReviewerRequest(IReadOnlyList<string>? Beats, IReadOnlyList<string>? Languages, int? Capacity, bool? IsAvailable);

/// <summary>Admin: accounts, roles, and what each reviewer covers.</summary>
internal static class ReviewersApi
{
    public static void MapReviewersApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Administer);
        admin.MapPost("/users", CreateUser);
        admin.MapGet("/reviewers", async (FactCheckDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.Reviewers.AsNoTracking().OrderBy(r => r.DisplayName).ToListAsync(ct)).Select(ReviewerResponse.From)));
        admin.MapPut("/reviewers/{userId}", UpdateReviewer);
    }

    private static async Task<Results<Created<ReviewerResponse>, ValidationProblem>> CreateUser(
        CreateUserRequest request, UserManager<IdentityUser> users, FactCheckDbContext db, CancellationToken ct)
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
            return TypedResults.ValidationProblem(created.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()), title: "The user cannot be created");
        if (roles.Count > 0)
            await users.AddToRolesAsync(user, roles);

        var profile = new ReviewerProfile(user.Id, request.DisplayName.Trim());
        Apply(profile, new UpdateReviewerRequest(request.Beats, request.Languages, request.Capacity, true));
        db.Reviewers.Add(profile);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/admin/reviewers/{user.Id}", ReviewerResponse.From(profile));
    }

    private static async Task<Ok<ReviewerResponse>> UpdateReviewer(string userId, UpdateReviewerRequest request, FactCheckDbContext db, CancellationToken ct)
    {
        var profile = await db.Reviewers.FirstOrDefaultAsync(r => r.UserId == userId, ct) ?? throw WorkflowException.NotFound("Reviewer", userId);
        Apply(profile, request);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ReviewerResponse.From(profile));
    }

    private static void Apply(ReviewerProfile profile, UpdateReviewerRequest request)
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
