using System.Text;
using FactCheck.Web.Auth;
using FactCheck.Workflow.References;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactCheck.Web.Api;

/// <summary>The reference collection of already verified claims: an admin imports ClaimReview JSON-LD or a TSV.</summary>
internal static class ReferencesApi
{
    /// <summary>About 100,000 verified claims with their titles and links.</summary>
    public const long MaxImportBytes = 32 * 1024 * 1024;

    public static void MapReferencesApi(this IEndpointRouteBuilder app)
    {
        var references = app.MapGroup("/api/admin/references").WithTags("Admin").RequireAuthorization(Policies.Administer);
        references.MapPost("/", Import).WithBodyLimit(MaxImportBytes);
        references.MapGet("/", async (ReferenceCollection collection, CancellationToken ct, int page = 1, int pageSize = 50) =>
            TypedResults.Ok((await collection.ListAsync(page, pageSize, ct)).ToResultPage(ReferenceClaimResponse.From)));
    }

    /// <summary>
    /// Imports the body: <c>?format=tsv</c> or a tab-separated content type is a TSV, anything else
    /// ClaimReview JSON-LD (an object, a list, or an HTML page). All or nothing.
    /// </summary>
    private static async Task<Results<Ok<ReferenceImportResponse>, ProblemHttpResult>> Import(HttpContext http, ReferenceCollection collection, string? format, CancellationToken ct)
    {
        var kind = FormatOf(format, http.Request.ContentType);
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var content = await reader.ReadToEndAsync(ct);
        var outcome = await collection.ImportAsync(content, kind, http.User.UserId(), ct);
        if (!outcome.Succeeded)
        {
            return TypedResults.Problem(
                $"Nothing was imported: {outcome.Problems[0]}{(outcome.Problems.Count > 1 ? $" (and {outcome.Problems.Count - 1} more problems)" : "")}",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The file cannot be imported",
                extensions: new Dictionary<string, object?> { ["problems"] = outcome.Problems.Select(p => p.ToString()).ToList() });
        }

        return TypedResults.Ok(new ReferenceImportResponse(outcome.Added, outcome.Updated, await collection.CountAsync(ct)));
    }

    private static ImportFormat FormatOf(string? format, string? contentType) => format?.ToLowerInvariant() switch
    {
        "tsv" => ImportFormat.Tsv,
        "claimreview" => ImportFormat.ClaimReview,
        null => contentType?.StartsWith("text/tab-separated-values", StringComparison.OrdinalIgnoreCase) == true ? ImportFormat.Tsv : ImportFormat.ClaimReview,
        _ => throw new FactCheck.Workflow.WorkflowException(FactCheck.Workflow.WorkflowError.Invalid, $"Unknown format '{format}': tsv or claimreview."),
    };
}
