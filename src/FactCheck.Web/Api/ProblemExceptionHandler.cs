using System.Text.Json;
using FactCheck.Workflow;
using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Web.Api;

/// <summary>Turns refusals into ProblemDetails with a message a client can act on.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        (int Status, string Title, string Detail)? problem = exception switch
        {
            WorkflowException w => (StatusOf(w.Error), TitleOf(w.Error), w.Message),
            BadHttpRequestException b => (b.StatusCode, "The request could not be read", Describe(b)),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Conflicting edit", "Someone else changed this item at the same time; reload it and try again. Nothing of yours was saved."),
            _ when Database.IsUnstorableText(exception) => (StatusCodes.Status400BadRequest, "Invalid request",
                "The request contains a character the database cannot handle (such as NUL); remove control characters and try again."),
            _ when Database.IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "Database unavailable",
                "The database cannot be reached or is out of connections right now; nothing was saved. Try again in a few seconds."),
            _ => null,
        };
        if (problem is null)
            return false;

        if (problem.Value.Status >= 500)
            logger.LogError(exception, "Request failed");
        context.Response.StatusCode = problem.Value.Status;
        if (problem.Value.Status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = problem.Value.Status, Title = problem.Value.Title, Detail = problem.Value.Detail },
        });
    }

    private static int StatusOf(WorkflowError error) => error switch
    {
        WorkflowError.Invalid => StatusCodes.Status400BadRequest,
        WorkflowError.NotFound => StatusCodes.Status404NotFound,
        WorkflowError.Forbidden => StatusCodes.Status403Forbidden,
        WorkflowError.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status409Conflict,
    };

    private static string TitleOf(WorkflowError error) => error switch
    {
        WorkflowError.Invalid => "Invalid request",
        WorkflowError.NotFound => "Not found",
        WorkflowError.Forbidden => "Not allowed",
        WorkflowError.Unprocessable => "Does not fit the item",
        _ => "Not possible in the current state",
    };

    /// <summary>Names the JSON problem (path and line) instead of only "failed to read parameter".</summary>
    private static string Describe(BadHttpRequestException exception) => exception.InnerException switch
    {
        // The reader's own message says what broke (depth, bad UTF-8, a lone surrogate); the outer one only where.
        JsonException json => $"The body is not valid JSON for this request: {json.Message}"
            + (json.GetBaseException() is { } cause && cause != json ? $" {cause.Message}" : ""),
        { } inner => $"{exception.Message} {inner.Message}",
        _ => exception.Message,
    };
}
