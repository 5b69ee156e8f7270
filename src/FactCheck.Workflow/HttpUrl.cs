namespace FactCheck.Workflow;

/// <summary>The web addresses people type in (sources, webhooks): absolute http or https only, so no javascript:, file: or data:.</summary>
public static class HttpUrl
{
    public const int MaxLength = 2048;

    /// <param name="owner">Who needs the URL, for the message: "A source", "A webhook".</param>
    public static Uri Parse(string? url, string owner)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
            throw new WorkflowException(WorkflowError.Invalid, $"{owner} needs an absolute http or https URL of at most {MaxLength} characters.");
        return uri;
    }
}
