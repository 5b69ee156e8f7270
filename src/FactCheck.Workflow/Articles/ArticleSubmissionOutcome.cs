namespace FactCheck.Workflow.Articles;

/// <summary>What became of a submission: accepted as an article id, refused with field errors, or its idempotency key already used for another article.</summary>
public sealed record ArticleSubmissionOutcome(Guid? ArticleId, IReadOnlyDictionary<string, string[]> Errors, bool IsKeyReused)
{
    public static readonly ArticleSubmissionOutcome KeyReused = new(null, new Dictionary<string, string[]>(), true);

    public static ArticleSubmissionOutcome Accepted(Guid articleId) => new(articleId, new Dictionary<string, string[]>(), false);

    public static ArticleSubmissionOutcome Invalid(Dictionary<string, string[]> errors) => new(null, errors, false);
}
