using FactCheck.Web.Auth;
using FactCheck.Workflow;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Publishing;
using FactCheck.Workflow.Sources;
using FactCheck.Workflow.Verdicts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactCheck.Web.Api;

internal static class ClaimsApi
{
    public static void MapClaimsApi(this IEndpointRouteBuilder app)
    {
        var claims = app.MapGroup("/api/claims").WithTags("Claims");
        claims.MapGet("/", List);
        claims.MapGet("/export", ClaimExport.ExportAsync);
        claims.MapGet("/{id:guid}", Get);
        claims.MapGet("/{id:guid}/history", History);
        claims.MapGet("/{id:guid}/claimreview", ClaimReview);
        claims.MapGet("/{id:guid}/similar", async (Guid id, SimilarClaims similar, CancellationToken ct) =>
            TypedResults.Ok(await similar.FindAsync(id, max: 10, ct)));

        claims.MapPost("/next", TakeNext).RequireAuthorization(Policies.Review);
        claims.MapPost("/{id:guid}/start", (Guid id, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            Updated(desk.StartWorkAsync(id, http.Actor(), ct))).RequireAuthorization(Policies.Review);
        claims.MapPost("/{id:guid}/sources", AttachSource).RequireAuthorization(Policies.Review);
        claims.MapPut("/{id:guid}/sources/{sourceId:guid}", EditSource).RequireAuthorization(Policies.Review);
        claims.MapDelete("/{id:guid}/sources/{sourceId:guid}", (Guid id, Guid sourceId, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            Updated(desk.RemoveSourceAsync(id, sourceId, http.Actor(), ct))).RequireAuthorization(Policies.Review);
        claims.MapPost("/{id:guid}/verdict", ProposeVerdict).RequireAuthorization(Policies.Review);
        // Editors and the claim's reviewer alike: the desk checks who may.
        claims.MapPut("/{id:guid}/statement", (Guid id, StatementRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            Updated(desk.RewordAsync(id, http.Actor(), request.Statement, ct)));
        claims.MapPost("/{id:guid}/release", (Guid id, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            Updated(desk.ReleaseAsync(id, http.Actor(), ct)));

        var editor = claims.MapGroup("/").RequireAuthorization(Policies.Edit);
        editor.MapPost("/{id:guid}/verdict/approve", async (Guid id, ReviewRequest? request, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            TypedResults.Ok(VerdictResponse.From(await desk.ApproveAsync(id, http.Actor(), request?.Comment, ct))));
        editor.MapPost("/{id:guid}/verdict/return", async (Guid id, ReviewRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            TypedResults.Ok(VerdictResponse.From(await desk.ReturnVerdictAsync(id, http.Actor(), request.Comment, ct))));
        editor.MapPost("/{id:guid}/correct", (Guid id, ReviewRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            Updated(desk.CorrectAsync(id, http.Actor(), request.Comment, ct)));
        editor.MapPost("/{id:guid}/dismiss", (Guid id, DismissRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            Updated(desk.DismissAsync(id, http.Actor(), request.Reason, request.DuplicateOf, ct, request.Kind)));
        editor.MapPost("/{id:guid}/split", Split);
        editor.MapPost("/merge", Merge);
        editor.MapPost("/{id:guid}/merge-back", (Guid id, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            Updated(desk.MergeBackAsync(id, http.Actor(), ct)));
        editor.MapPost("/{id:guid}/restore", (Guid id, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            Updated(desk.RestoreAsync(id, http.Actor(), ct)));
        editor.MapPut("/{id:guid}/due", (Guid id, DueDateRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            Updated(desk.SetDueDateAsync(id, http.Actor(), request.DueAt, ct)));
        editor.MapPost("/{id:guid}/assign", (Guid id, AssignRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            Updated(desk.AssignToAsync(id, http.Actor(), request.ReviewerId ?? "", ct)));
        editor.MapPut("/{id:guid}/priority", (Guid id, PriorityRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
            Updated(desk.SetPriorityAsync(id, http.Actor(), request.Priority, ct)));

        app.MapGet("/api/verdict-scale", (VerdictScale scale) => TypedResults.Ok(scale.Ratings)).WithTags("Claims");
    }

    /// <summary>The desk's list: filter by status, assignee (<c>me</c> for yourself), article, beat, priority and due date.</summary>
    private static async Task<Ok<ResultPage<ClaimSummary>>> List(
        [AsParameters] ClaimListQuery filter, HttpContext http, ClaimQueries claims, CancellationToken ct, int page = 1, int pageSize = 50) =>
        TypedResults.Ok((await claims.ListAsync(filter.ToFilter(http.User), page, pageSize, ct)).ToResultPage(ClaimSummary.From));

    private static async Task<Ok<ClaimDetails>> Get(Guid id, HttpContext http, ClaimQueries claims, CancellationToken ct)
    {
        var (claim, article) = await claims.InArticleAsync(id, ct) ?? throw WorkflowException.NotFound("Claim", id);
        http.Response.Headers.ETag = HttpRequestExtensions.ETag(claim.Version);
        return TypedResults.Ok(ClaimDetails.From(claim, await claims.RelationsAsync(claim, article.Text, ct)));
    }

    private static async Task<Ok<List<ClaimEventResponse>>> History(Guid id, ClaimQueries claims, CancellationToken ct)
    {
        var history = await claims.HistoryAsync(id, ct) ?? throw WorkflowException.NotFound("Claim", id);
        return TypedResults.Ok(history.Events.Select(ClaimEventResponse.Of).ToList());
    }

    private static async Task<Results<Ok<ClaimSummary>, NoContent>> TakeNext(HttpContext http, ClaimDesk desk, CancellationToken ct) =>
        await desk.TakeNextAsync(http.User.UserId(), ct) is { } claim
            ? TypedResults.Ok(ClaimSummary.From(claim))
            : TypedResults.NoContent();

    private static async Task<Created<SourceResponse>> AttachSource(Guid id, AttachSourceRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct)
    {
        var source = await desk.AttachSourceAsync(id, http.Actor(), ToNewSource(request), ct);
        return TypedResults.Created($"/api/claims/{id}", SourceResponse.From(source));
    }

    private static async Task<Ok<SourceResponse>> EditSource(Guid id, Guid sourceId, AttachSourceRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct)
    {
        var source = await desk.EditSourceAsync(id, sourceId, http.Actor(), ToNewSource(request), ct);
        return TypedResults.Ok(SourceResponse.From(source));
    }

    private static NewSource ToNewSource(AttachSourceRequest request) =>
        request.Stance is { } stance
            ? new NewSource(request.Url, request.Title, request.Publisher, request.Excerpt, stance)
            : throw new WorkflowException(WorkflowError.Invalid, $"A source needs a stance: {string.Join(", ", Enum.GetNames<SourceStance>())}.");

    private static async Task<Ok<VerdictResponse>> ProposeVerdict(Guid id, ProposeVerdictRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct) =>
        TypedResults.Ok(VerdictResponse.From(await desk.ProposeVerdictAsync(id, http.Actor(), request.Rating, request.Rationale, ct)));

    /// <summary>Splits a claim into one claim per part; answers with the new claims, in article order.</summary>
    private static async Task<Ok<List<ClaimSummary>>> Split(Guid id, SplitClaimRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct)
    {
        var parts = request.Parts ?? throw new WorkflowException(WorkflowError.Invalid, "A split needs its parts: [{ \"start\", \"end\" }, …] inside the claim's span.");
        var created = await desk.SplitAsync(id, http.Actor(), [.. parts.Select(p => p.ToNewClaim())], ct);
        return TypedResults.Ok(created.Select(ClaimSummary.From).ToList());
    }

    /// <summary>Merges claims of one article (the detector's atomic parts of a sentence) back into one claim.</summary>
    private static async Task<Created<ClaimSummary>> Merge(MergeClaimsRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct)
    {
        var merged = await desk.MergeAsync(request.ClaimIds ?? [], http.Actor(), request.Statement, ct);
        return TypedResults.Created($"/api/claims/{merged.Id}", ClaimSummary.From(merged));
    }

    /// <summary>The schema.org ClaimReview of a published claim, as JSON-LD.</summary>
    private static async Task<IResult> ClaimReview(Guid id, ClaimQueries claims, ClaimReviewBuilder builder, CancellationToken ct)
    {
        var (claim, article) = await claims.InArticleAsync(id, ct) ?? throw WorkflowException.NotFound("Claim", id);
        if (claim.PublishedVerdict is not { } verdict)
            throw new WorkflowException(WorkflowError.NotFound, $"Claim '{id}' has no published verdict yet (it is {claim.Status}).");
        return TypedResults.Text(builder.Build(claim, article, verdict), "application/ld+json");
    }

    private static async Task<Ok<ClaimSummary>> Updated(Task<Claim> change) => TypedResults.Ok(ClaimSummary.From(await change));
}
