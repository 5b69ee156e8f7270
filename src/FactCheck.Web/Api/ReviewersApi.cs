using FactCheck.Web.Auth;
using FactCheck.Workflow;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
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

        admin.MapGet("/failed-messages", async (ErrorQueues queues, CancellationToken ct) => TypedResults.Ok(await queues.ListAsync(ct)));
        admin.MapPost("/failed-messages/{queue}/{messageId}/retry", (string queue, string messageId, ErrorQueues queues, CancellationToken ct) =>
            Handled(queues.RetryAsync(queue, messageId, ct), queue, messageId));
        admin.MapDelete("/failed-messages/{queue}/{messageId}", (string queue, string messageId, ErrorQueues queues, CancellationToken ct) =>
            Handled(queues.DiscardAsync(queue, messageId, ct), queue, messageId));
    }

    private static async Task<NoContent> Handled(Task<bool> action, string queue, string messageId) =>
        await action ? TypedResults.NoContent() : throw new WorkflowException(WorkflowError.NotFound, $"Message '{messageId}' is not in {queue}.");

    private static async Task<Results<Created<ReviewerResponse>, ValidationProblem>> CreateUser(CreateUserRequest request, Staff staff, CancellationToken ct)
    {
        var (profile, errors) = await staff.CreateAsync(request, ct);
        return profile is null
            ? TypedResults.ValidationProblem(errors, title: "The user cannot be created")
            : TypedResults.Created($"/api/admin/reviewers/{profile.UserId}", ReviewerResponse.From(profile));
    }

    private static async Task<Ok<ReviewerResponse>> UpdateReviewer(string userId, UpdateReviewerRequest request, Staff staff, CancellationToken ct) =>
        TypedResults.Ok(ReviewerResponse.From(await staff.UpdateProfileAsync(userId, request, ct)));
}
