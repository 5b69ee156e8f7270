using FactCheck.Contracts;
using FactCheck.Web.Auth;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FactCheck.Web.Api;

internal static class ArticlesApi
{
    /// <summary>Bodies above this are refused before they are read (the text limit is checked after).</summary>
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public static void MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles").WithTags("Articles");

        articles.MapPost("/", Submit)
            .RequireAuthorization(Policies.Edit)
            .WithBodyLimit(MaxBodyBytes);
        articles.MapGet("/{id:guid}", Get);
        articles.MapPost("/{id:guid}/claims", AddClaim).RequireAuthorization(Policies.Edit);
        articles.MapGet("/", List);
    }

    /// <summary>
    /// Accepts an article for processing: it is stored and its claims extracted asynchronously, by
    /// the same consumer that handles <see cref="SubmitArticle"/> from other systems. A retried
    /// request with the same <c>Idempotency-Key</c> gets the same answer and creates nothing new.
    /// </summary>
    private static async Task<Results<Accepted<ArticleAccepted>, ValidationProblem, ProblemHttpResult>> Submit(
        SubmitArticleRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http,
        ArticleDesk desk,
        CancellationToken ct)
    {
        var outcome = await desk.SubmitAsync(request.ToCommand(http.User.UserId()), idempotencyKey, ct);
        if (outcome.IsKeyReused)
        {
            return TypedResults.Problem(
                "This Idempotency-Key was already used for a different article; use a new key for a new submission.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused");
        }

        if (outcome.ArticleId is not { } articleId)
            return TypedResults.ValidationProblem(outcome.Errors, title: "The article cannot be accepted");
        var location = $"/api/articles/{articleId}";
        return TypedResults.Accepted(location, new ArticleAccepted(articleId, location));
    }

    /// <summary>An editor makes a claim of a span the detector passed over: by offsets, or by a quote found in the text.</summary>
    private static async Task<Created<ClaimSummary>> AddClaim(Guid id, AddClaimRequest request, HttpContext http, ClaimDesk desk, CancellationToken ct)
    {
        var claim = await desk.AddAsync(id, http.Actor(), request.ToNewClaim(), ct);
        return TypedResults.Created($"/api/claims/{claim.Id}", ClaimSummary.From(claim));
    }

    private static async Task<Results<Ok<ArticleResponse>, NotFound<ProblemDetails>>> Get(Guid id, ArticleQueries articles, CancellationToken ct)
    {
        if (await articles.FindAsync(id, ct) is not { } found)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found",
                Detail = $"Article '{id}' does not exist (a just-submitted article appears once it has been processed).",
            });
        }

        return TypedResults.Ok(ArticleResponse.From(found));
    }

    private static async Task<Ok<ResultPage<ArticleResponse>>> List(ArticleQueries articles, CancellationToken ct, int page = 1, int pageSize = 20) =>
        TypedResults.Ok((await articles.ListAsync(page, pageSize, ct)).ToResultPage(ArticleResponse.From));
}
