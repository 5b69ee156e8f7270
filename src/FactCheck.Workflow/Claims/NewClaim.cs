namespace FactCheck.Workflow.Claims;

/// <summary>
/// A claim as an editor marks it: a span by offsets into the article's text, or a quote found in
/// it; optionally the statement to check, else the detector's wording of the span.
/// </summary>
public sealed record NewClaim(int? Start, int? End, string? Quote, string? Statement)
{
    /// <summary>A quote longer than any claim (a claim's text has at most 4,000 characters) is refused before it is searched for.</summary>
    public const int MaxQuoteLength = 4000;

    /// <summary>The span this names in <paramref name="text"/>, searching a quote only inside <paramref name="within"/>.</summary>
    public ClaimSpan SpanIn(string text, ClaimSpan? within = null)
    {
        var bounds = within ?? new ClaimSpan(0, text.Length);
        if (Start is { } start && End is { } end)
        {
            if (Quote is not null)
                throw new WorkflowException(WorkflowError.Invalid, "Give either start and end, or a quote, not both.");
            return new ClaimSpan(start, end).TrimmedIn(text);
        }

        if (Start is not null || End is not null)
            throw new WorkflowException(WorkflowError.Invalid, "A span needs both start and end (offsets into the article's text).");
        if (string.IsNullOrWhiteSpace(Quote))
            throw new WorkflowException(WorkflowError.Invalid, "Name the claim by start and end offsets into the article's text, or by a quote from it.");
        if (Quote.Length > MaxQuoteLength)
            throw new WorkflowException(WorkflowError.Invalid, $"A quote may have at most {MaxQuoteLength} characters.");
        return Find(text, Quote.Trim(), bounds).TrimmedIn(text);
    }

    /// <summary>
    /// The quote's only occurrence; typographic and straight quotes and apostrophes match each other
    /// (a quote typed as "Canada's" finds "Canada’s"), which keeps offsets as they are.
    /// </summary>
    private static ClaimSpan Find(string text, string quote, ClaimSpan bounds)
    {
        var haystack = Plain(text[bounds.Start..bounds.End]);
        var needle = Plain(quote);
        var first = haystack.IndexOf(needle, StringComparison.Ordinal);
        if (first < 0)
            throw new WorkflowException(WorkflowError.Unprocessable, $"The quote \"{Shorten(quote)}\" is not in the {(bounds.Start == 0 && bounds.End == text.Length ? "article" : "claim")}'s text.");
        var count = 0;
        for (var at = first; at >= 0 && count < 3; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
            count++;
        if (count > 1)
            throw new WorkflowException(WorkflowError.Unprocessable, $"The quote \"{Shorten(quote)}\" appears {(count > 2 ? "more than twice" : "twice")}; quote more of it, or give start and end.");
        return new ClaimSpan(bounds.Start + first, bounds.Start + first + quote.Length);
    }

    private static string Plain(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
            span[i] = source[i] switch { '’' or '‘' or 'ʼ' => '\'', '“' or '”' or '„' => '"', _ => source[i] };
    });

    private static string Shorten(string quote) => quote.Length <= 80 ? quote : quote[..77] + "…";
}
