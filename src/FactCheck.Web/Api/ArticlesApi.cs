using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FactCheck.Contracts;
using FactCheck.Web.Auth;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .AddEndpointFilter(RefuseOversizedBody);
        articles.MapGet("/{id:guid}", Get);
        articles.MapGet("/", List);
    }

    /// <summary>Refuses a declared oversized body up front; the server's own limit catches undeclared (chunked) ones.</summary>
    private static async ValueTask<object?> RefuseOversizedBody(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.Problem(
                $"The request body has {context.HttpContext.Request.ContentLength:N0} bytes; at most {MaxBodyBytes:N0} are accepted.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Request too large");
        }

        return await next(context);
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
        FactCheckDbContext db,
        OutboxSignal outbox,
        TimeProvider time,
        CancellationToken ct)
    {
        var userId = http.User.UserId();
        var command = request.ToCommand(userId);
        var errors = ArticleSubmission.Validate(command);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The article cannot be accepted");

        if (idempotencyKey is { Length: > IdempotencyRecord.MaxKeyLength })
            return TypedResults.Problem($"An Idempotency-Key may have at most {IdempotencyRecord.MaxKeyLength} characters.", statusCode: StatusCodes.Status400BadRequest);

        var requestHash = idempotencyKey is null ? "" : Hash(request);
        if (idempotencyKey is not null && await FindPrevious(db, idempotencyKey, userId, ct) is { } previous)
            return Replay(previous, requestHash);

        db.Publish(command);
        if (idempotencyKey is not null)
            db.IdempotencyRecords.Add(new IdempotencyRecord(idempotencyKey, userId, requestHash, command.ArticleId, time.GetUtcNow().UtcDateTime));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (idempotencyKey is not null && Database.IsUniqueViolation(ex))
        {
            // The same key raced in twice: the first one's answer is the answer.
            db.ChangeTracker.Clear();
            return Replay((await FindPrevious(db, idempotencyKey, userId, ct))!, requestHash);
        }

        outbox.Notify();
        return Accepted(command.ArticleId);
    }

    private static Results<Accepted<ArticleAccepted>, ValidationProblem, ProblemHttpResult> Replay(IdempotencyRecord previous, string requestHash) =>
        previous.RequestHash == requestHash
            ? Accepted(previous.ResourceId)
            : TypedResults.Problem(
                "This Idempotency-Key was already used for a different article; use a new key for a new submission.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused");

    private static Accepted<ArticleAccepted> Accepted(Guid articleId)
    {
        var location = $"/api/articles/{articleId}";
        return TypedResults.Accepted(location, new ArticleAccepted(articleId, location));
    }

    private static Task<IdempotencyRecord?> FindPrevious(FactCheckDbContext db, string key, string userId, CancellationToken ct) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key && r.UserId == userId, ct);

    private static string Hash(SubmitArticleRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));

    private static async Task<Results<Ok<ArticleResponse>, NotFound<ProblemDetails>>> Get(Guid id, FactCheckDbContext db, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found",
                Detail = $"Article '{id}' does not exist (a just-submitted article appears once it has been processed).",
            });
        }

        var claims = await db.Claims.AsNoTracking().Where(c => c.ArticleId == id).ToListAsync(ct);
        return TypedResults.Ok(ArticleResponse.From(article, claims));
    }

    private static async Task<Ok<ResultPage<ArticleResponse>>> List(FactCheckDbContext db, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        (page, pageSize) = ClaimsApi.Paging(page, pageSize);
        var query = db.Articles.AsNoTracking().OrderByDescending(a => a.ReceivedAt);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = items.Select(a => a.Id).ToList();
        var claims = (await db.Claims.AsNoTracking().Where(c => ids.Contains(c.ArticleId)).ToListAsync(ct)).ToLookup(c => c.ArticleId);
        return TypedResults.Ok(new ResultPage<ArticleResponse>([.. items.Select(a => ArticleResponse.From(a, claims[a.Id]))], await query.CountAsync(ct), page, pageSize));
    }
}
