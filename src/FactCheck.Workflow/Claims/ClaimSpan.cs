namespace FactCheck.Workflow.Claims;

/// <summary>A span of an article's text, as UTF-16 offsets: what an editor selects to make or split a claim.</summary>
public readonly record struct ClaimSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Overlaps(ClaimSpan other) => Start < other.End && other.Start < End;

    /// <summary>The span moved by <paramref name="offset"/>: from offsets into a claim's text to offsets into its article.</summary>
    public ClaimSpan Shifted(int offset) => new(Start + offset, End + offset);

    /// <summary>The span without the white space at either end; refused when it is outside the text or holds no text.</summary>
    public ClaimSpan TrimmedIn(string text)
    {
        if (Start < 0 || End > text.Length || Start >= End)
        {
            throw new WorkflowException(WorkflowError.Unprocessable,
                $"The span {Start}–{End} is not inside the article's text (0–{text.Length}); start must be before end.");
        }

        var start = Start;
        var end = End;
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end - start < MinLength)
            throw new WorkflowException(WorkflowError.Unprocessable, $"The span {Start}–{End} holds too little text to be a claim (at least {MinLength} characters).");
        return new ClaimSpan(start, end);
    }

    /// <summary>Shorter than this is no checkable statement ("Iran lied." has ten characters).</summary>
    public const int MinLength = 10;
}
