using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Verdicts;
using Microsoft.Extensions.Options;

namespace FactCheck.Workflow.Publishing;

/// <summary>
/// Builds the schema.org ClaimReview for a published verdict. The rating's value counts up to the
/// best rating of the configured scale (the first rating is the best).
/// </summary>
public sealed class ClaimReviewBuilder(VerdictScale scale, IOptions<PublishingOptions> options)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Build(Claim claim, Article article, Verdict verdict) => ToJsonObject(claim, article, verdict).ToJsonString(Indented);

    public JsonObject ToJsonObject(Claim claim, Article article, Verdict verdict)
    {
        if (verdict.Review is not { Decision: ReviewDecision.Approved } review)
            throw new WorkflowException(WorkflowError.Conflict, "Only an approved verdict has a ClaimReview.");

        var position = scale.PositionOf(verdict.Rating) ?? scale.Worst;
        var publisher = new JsonObject { ["@type"] = "Organization", ["name"] = options.Value.OrganizationName };
        if (options.Value.OrganizationUrl is { } orgUrl)
            publisher["url"] = orgUrl;

        var appearance = new JsonObject { ["@type"] = "CreativeWork", ["headline"] = article.Title };
        if (article.Url is { } url)
            appearance["url"] = url;
        if (article.Outlet is { } outlet)
            appearance["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = outlet };

        var itemReviewed = new JsonObject
        {
            ["@type"] = "Claim",
            ["author"] = ClaimAuthor(claim, article),
            ["appearance"] = appearance,
            ["datePublished"] = (article.PublishedAt ?? article.ReceivedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["url"] = PublicUrl(claim.Id),
            ["claimReviewed"] = verdict.Statement ?? claim.Statement,
            ["datePublished"] = review.ReviewedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["author"] = publisher,
            ["reviewRating"] = new JsonObject
            {
                ["@type"] = "Rating",
                ["ratingValue"] = scale.Worst - position + 1,
                ["bestRating"] = scale.Worst,
                ["worstRating"] = 1,
                ["alternateName"] = verdict.Rating,
                ["ratingExplanation"] = verdict.Rationale,
            },
            ["itemReviewed"] = itemReviewed,
        };
    }

    /// <summary>The public, unauthenticated page of a published fact-check.</summary>
    public string PublicUrl(Guid claimId) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/fact-checks/{claimId}";

    private static JsonObject ClaimAuthor(Claim claim, Article article) => claim.Speaker is { } speaker
        ? new JsonObject { ["@type"] = "Person", ["name"] = speaker }
        : new JsonObject { ["@type"] = "Organization", ["name"] = article.Outlet ?? article.Author ?? "Unknown" };
}
