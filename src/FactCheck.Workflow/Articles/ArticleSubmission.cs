using FactCheck.Contracts;

namespace FactCheck.Workflow.Articles;

/// <summary>The rules a submitted article must meet, the same for the API and the bus.</summary>
public static class ArticleSubmission
{
    /// <summary>Field name → problems; empty when the submission is acceptable.</summary>
    public static Dictionary<string, string[]> Validate(SubmitArticle article)
    {
        var errors = new Dictionary<string, string[]>();
        if (article.ArticleId == Guid.Empty)
            errors["articleId"] = ["An article needs a non-empty id (a UUID chosen by the sender)."];
        if (string.IsNullOrWhiteSpace(article.Text))
            errors["text"] = ["The article has no text."];
        else if (article.Text.Length > Article.MaxTextLength)
            errors["text"] = [$"The article text has {article.Text.Length:N0} characters; at most {Article.MaxTextLength:N0} are accepted."];
        if (string.IsNullOrWhiteSpace(article.Title))
            errors["title"] = ["The article needs a title."];
        else if (article.Title.Length > Article.MaxTitleLength)
            errors["title"] = [$"A title may have at most {Article.MaxTitleLength} characters."];
        if (article.Url is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url.Length > HttpUrl.MaxLength))
            errors["url"] = ["The article URL must be an absolute http or https URL."];
        if (string.IsNullOrWhiteSpace(article.Language) || article.Language.Length > Article.MaxLanguageLength)
            errors["language"] = ["The language must be a language tag such as 'en'."];
        if (article.Outlet?.Length > Article.MaxOutletLength)
            errors["outlet"] = [$"An outlet name may have at most {Article.MaxOutletLength} characters."];
        if (article.Author?.Length > Article.MaxAuthorLength)
            errors["author"] = [$"An author line may have at most {Article.MaxAuthorLength} characters."];
        if (article.Beat?.Length > Article.MaxBeatLength)
            errors["beat"] = [$"A beat may have at most {Article.MaxBeatLength} characters."];
        foreach (var (field, value) in new[] { ("text", article.Text), ("title", article.Title), ("url", article.Url), ("language", article.Language), ("outlet", article.Outlet), ("author", article.Author), ("beat", article.Beat) })
        {
            if (!errors.ContainsKey(field) && StoredText.Problem(value) is { } problem)
                errors[field] = [$"The {field} contains {problem}."];
        }

        return errors;
    }

    public static string Describe(Dictionary<string, string[]> errors) =>
        string.Join(" ", errors.SelectMany(e => e.Value));
}
