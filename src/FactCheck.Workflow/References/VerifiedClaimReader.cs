using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FactCheck.Workflow.References;

/// <summary>
/// Reads verified claims from an import file, all or nothing: every problem is reported with its
/// line or item and field, and a file with any problem yields no claims.
/// </summary>
public static partial class VerifiedClaimReader
{
    /// <summary>More verified claims than this in one file is several imports' worth.</summary>
    public const int MaxClaims = 100_000;

    /// <summary>Past this many problems the file is beyond repair by hand; the rest are not listed.</summary>
    public const int MaxProblems = 100;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    [GeneratedRegex(@"<script\b[^>]*\btype\s*=\s*[""']?application/ld\+json[""']?[^>]*>(?<json>.*?)</script\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex JsonLdScript();

    public static (IReadOnlyList<VerifiedClaim> Claims, IReadOnlyList<ImportProblem> Problems) Read(string content, ImportFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        var claims = new List<VerifiedClaim>();
        var problems = new List<ImportProblem>();
        if (format == ImportFormat.Tsv)
            ReadTsv(content, claims, problems);
        else
            ReadClaimReview(content, claims, problems);

        if (problems.Count == 0 && claims.Count == 0)
            problems.Add(new ImportProblem(null, null, null, "The file holds no verified claims."));
        if (claims.Count > MaxClaims)
            problems.Add(new ImportProblem(null, null, null, $"The file holds {claims.Count:N0} verified claims; import at most {MaxClaims:N0} at a time."));
        foreach (var duplicate in claims.GroupBy(c => c.Key).Where(g => g.Count() > 1).Take(MaxProblems))
            problems.Add(new ImportProblem(null, null, null, $"'{duplicate.Key}' appears {duplicate.Count()} times; each verified claim once."));
        return problems.Count > 0 ? ([], problems.Take(MaxProblems).ToList()) : (claims, []);
    }

    private static void ReadTsv(string content, List<VerifiedClaim> claims, List<ImportProblem> problems)
    {
        var lines = content.TrimStart('\uFEFF').Split('\n');
        var headerLine = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerLine < 0)
            return;
        var header = lines[headerLine].TrimEnd('\r').Split('\t').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        if (Column("claim") < 0)
        {
            problems.Add(new ImportProblem(headerLine + 1, null, "claim", "The header needs a 'claim' column (and may have id, title, rating, url)."));
            return;
        }

        for (var i = headerLine + 1; i < lines.Length && problems.Count < MaxProblems; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0)
                continue;
            var fields = line.Split('\t');
            if (fields.Length != header.Count)
            {
                problems.Add(new ImportProblem(i + 1, null, null, $"The row has {fields.Length} fields; the header has {header.Count}."));
                continue;
            }

            string? Field(string name) => Column(name) is >= 0 and var c && fields[c].Trim() is { Length: > 0 } value ? value : null;
            var id = Field("id");
            var url = Field("url");
            var claim = Check(i + 1, null, Field("claim"), Field("title"), Field("rating"), url, null, null, problems);
            if (claim is null)
                continue;
            if (url is null && (id is null || id.Length > ReferenceClaim.MaxKeyLength - 3))
            {
                problems.Add(new ImportProblem(i + 1, null, "id", $"A row needs an id (at most {ReferenceClaim.MaxKeyLength - 3} characters) or a url, so that a later import can update it."));
                continue;
            }

            claims.Add(claim with { Key = url ?? "id:" + id });
        }
    }

    private static void ReadClaimReview(string content, List<VerifiedClaim> claims, List<ImportProblem> problems)
    {
        var trimmed = content.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!trimmed.StartsWith('<'))
        {
            ReadJson(content, 0, claims, problems);
            return;
        }

        // A fact-check page: its JSON-LD scripts, each read with line numbers of the page.
        var scripts = JsonLdScript().Matches(content);
        if (scripts.Count == 0)
            problems.Add(new ImportProblem(null, null, null, "The page has no <script type=\"application/ld+json\">."));
        foreach (Match script in scripts)
        {
            var json = script.Groups["json"];
            ReadJson(json.Value, content.AsSpan(0, json.Index).Count('\n'), claims, problems);
        }
    }

    private static void ReadJson(string json, int lineOffset, List<VerifiedClaim> claims, List<ImportProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            problems.Add(new ImportProblem((int)(ex.LineNumber ?? 0) + 1 + lineOffset, null, null, "Not valid JSON: " + ex.Message));
            return;
        }

        using (document)
        {
            var before = claims.Count + problems.Count;
            Walk(document.RootElement, claims, problems);
            if (claims.Count + problems.Count == before)
                problems.Add(new ImportProblem(lineOffset + 1, null, "@type", "No ClaimReview object in this JSON."));
        }
    }

    /// <summary>Finds ClaimReview objects in a single object, a list, or an <c>@graph</c>; other objects are passed over.</summary>
    private static void Walk(JsonElement element, List<VerifiedClaim> claims, List<ImportProblem> problems)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var member in element.EnumerateArray())
                Walk(member, claims, problems);
            return;
        }

        if (element.ValueKind != JsonValueKind.Object || problems.Count >= MaxProblems)
            return;
        if (element.TryGetProperty("@graph", out var graph))
            Walk(graph, claims, problems);
        if (!IsClaimReview(element))
            return;

        var item = claims.Count + problems.Count + 1;
        var url = Text(element, "url");
        var claim = Check(null, item, Text(element, "claimReviewed"), Text(element, "name") ?? Text(element, "headline"),
            element.TryGetProperty("reviewRating", out var rating) ? Text(rating, "alternateName") ?? Text(rating, "ratingValue") : null,
            url, Publisher(element), Text(element, "datePublished"), problems);
        if (claim is not null)
            claims.Add(claim with { Key = url ?? "text:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(claim.Text.ToLowerInvariant()))) });
    }

    private static bool IsClaimReview(JsonElement element) =>
        element.TryGetProperty("@type", out var type) && (type.ValueKind == JsonValueKind.String
            ? type.GetString() == "ClaimReview"
            : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "ClaimReview"));

    private static string? Publisher(JsonElement review)
    {
        if (!review.TryGetProperty("author", out var author))
            return null;
        var first = author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().FirstOrDefault() : author;
        return first.ValueKind == JsonValueKind.String ? first.GetString() : first.ValueKind == JsonValueKind.Object ? Text(first, "name") : null;
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } s && s.Trim().Length > 0 ? s.Trim() : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>The claim if every field is acceptable; otherwise its problems, each naming the field.</summary>
    private static VerifiedClaim? Check(int? line, int? item, string? text, string? title, string? rating, string? url, string? publisher, string? published, List<ImportProblem> problems)
    {
        var count = problems.Count;
        void Problem(string field, string message) => problems.Add(new ImportProblem(line, item, field, message));
        var claimField = line is null ? "claimReviewed" : "claim";
        if (text is null)
            Problem(claimField, "The verified claim's text is missing.");
        else if (text.Length > ReferenceClaim.MaxTextLength)
            Problem(claimField, $"At most {ReferenceClaim.MaxTextLength} characters.");
        if (title?.Length > ReferenceClaim.MaxTitleLength)
            Problem(line is null ? "name" : "title", $"At most {ReferenceClaim.MaxTitleLength} characters.");
        if (rating?.Length > ReferenceClaim.MaxRatingLength)
            Problem(line is null ? "reviewRating" : "rating", $"At most {ReferenceClaim.MaxRatingLength} characters.");
        if (publisher?.Length > ReferenceClaim.MaxPublisherLength)
            Problem("author", $"At most {ReferenceClaim.MaxPublisherLength} characters.");
        if (url is not null && (url.Length > Math.Min(ReferenceClaim.MaxUrlLength, ReferenceClaim.MaxKeyLength)
            || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")))
        {
            Problem("url", $"Not an http(s) URL of at most {ReferenceClaim.MaxKeyLength} characters: '{Shorten(url)}'.");
        }

        DateTime? reviewedAt = null;
        if (published is not null)
        {
            if (DateTime.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                reviewedAt = date;
            else
                Problem("datePublished", $"Not a date: '{Shorten(published)}'.");
        }

        return problems.Count > count ? null : new VerifiedClaim("", text!, title, rating, url, publisher, reviewedAt);
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "…";
}
