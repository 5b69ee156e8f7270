using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using FactCheck.Workflow;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Publishing;

namespace FactCheck.Web.Api;

/// <summary>Claims and verdicts as CSV or JSON, with the claim list's filters, streamed (no paging).</summary>
internal static class ClaimExport
{
    public const int MaxRows = 100_000;

    // The CSV columns are the row's properties, named as in the JSON export.
    private static readonly PropertyInfo[] Fields = typeof(ClaimExportRow).GetProperties();

    private static readonly string Header = string.Join(',', Fields.Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.Name)));

    public static async Task ExportAsync(
        [AsParameters] ClaimListQuery filter, HttpContext http, ClaimQueries claims, ClaimReviewBuilder claimReviews, CancellationToken ct, string format = "csv")
    {
        if (format is not ("csv" or "json"))
            throw new WorkflowException(WorkflowError.Invalid, "format must be csv or json.");
        var rows = claims.ExportAsync(filter.ToFilter(http.User), MaxRows, ct);

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"claims-{stamp}.{format}\"";
        http.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        var first = true;
        await writer.WriteAsync(format == "csv" ? Header + "\r\n" : "[");
        await foreach (var exported in rows)
        {
            var row = ToRow(exported.Claim, exported.ArticleTitle, exported.ArticleUrl, claimReviews);
            if (format == "csv")
            {
                await writer.WriteAsync(Csv(row));
            }
            else
            {
                await writer.WriteAsync((first ? "" : ",") + JsonSerializer.Serialize(row, JsonOptions));
                first = false;
            }
        }

        if (format == "json")
            await writer.WriteAsync("]");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static ClaimExportRow ToRow(Claim c, string title, string? url, ClaimReviewBuilder claimReviews)
    {
        var verdict = c.CurrentVerdict;
        return new ClaimExportRow(
            c.Id, c.ArticleId, title, url, c.Text, c.Speaker, c.Status, c.Priority, c.DueAt, c.IsOverdue, c.AssigneeId, c.Score,
            verdict?.Rating, verdict?.Rationale, verdict?.Review?.Decision.ToString(), verdict?.Review?.ReviewedAt,
            c.Status == ClaimStatus.Published ? claimReviews.PublicUrl(c.Id) : null);
    }

    private static string Csv(ClaimExportRow row) =>
        string.Join(',', Fields.Select(f => Quote(f.GetValue(row) switch
        {
            null => "",
            DateTime at => at.ToString("O", CultureInfo.InvariantCulture),
            double score => score.ToString("0.###", CultureInfo.InvariantCulture),
            bool flag => flag ? "true" : "false",
            IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
            var value => value.ToString() ?? "",
        }))) + "\r\n";

    /// <summary>RFC 4180 quoting; a leading = + - @ tab or CR is defused so a spreadsheet never runs a cell as a formula.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
