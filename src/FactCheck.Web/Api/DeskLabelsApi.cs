using FactCheck.Detection;
using FactCheck.Web.Auth;
using FactCheck.Workflow.Labels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactCheck.Web.Api;

/// <summary>The desk's editorial decisions as training data: how many since the model was trained, and the labels themselves.</summary>
internal static class DeskLabelsApi
{
    public static void MapDeskLabelsApi(this IEndpointRouteBuilder app)
    {
        var labels = app.MapGroup("/api/admin/desk-labels").WithTags("Admin").RequireAuthorization(Policies.Administer);
        labels.MapGet("/", Count);
        // The format `train --with-desk-labels labels.tsv` reads.
        labels.MapGet("/export", (DeskLabels desk, HttpContext http) => Results.Stream(
            async stream =>
            {
                await using var writer = new StreamWriter(stream, leaveOpen: true);
                await desk.ExportAsync(writer, http.RequestAborted);
            },
            "text/tab-separated-values; charset=utf-8",
            "desk-labels.tsv"));
    }

    private static async Task<Ok<DeskLabelSummary>> Count(DeskLabels desk, CancellationToken ct)
    {
        var trainedAt = CheckWorthinessModel.ShippedMetadata.TrainedAt;
        return TypedResults.Ok(new DeskLabelSummary(trainedAt, await desk.CountSinceAsync(trainedAt, ct)));
    }
}
