using FactCheck.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactCheck.Web.Api;

/// <summary>Admin: accounts, roles, and what each reviewer covers.</summary>
internal static class ReviewersApi
{
    public static void MapReviewersApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Administer);
        admin.MapPost("/users", CreateUser);
        admin.MapGet("/reviewers", async (Staff staff, CancellationToken ct) => TypedResults.Ok((await staff.ProfilesAsync(ct)).Select(ReviewerResponse.From)));
        admin.MapPut("/reviewers/{userId}", UpdateReviewer);
    }

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
