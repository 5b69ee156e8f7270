namespace FactCheck.Workflow.Assignment;

/// <summary>What a reviewer covers and how much they can take on. Keyed by the Identity user id.</summary>
public sealed class ReviewerProfile
{
    public string UserId { get; private set; } = "";
    public string DisplayName { get; set; } = "";
    public List<string> Beats { get; set; } = [];
    public List<string> Languages { get; set; } = ["en"];
    public int Capacity { get; set; } = 5;
    public bool IsAvailable { get; set; } = true;

    private ReviewerProfile() { }

    public ReviewerProfile(string userId, string displayName)
    {
        UserId = userId;
        DisplayName = displayName;
    }

    public bool Covers(string? beat) =>
        beat is null || Beats.Count == 0 || Beats.Contains(beat, StringComparer.OrdinalIgnoreCase);

    /// <summary>Nobody checks an article they wrote: is this reviewer among its byline names?</summary>
    public bool IsAuthorOf(IEnumerable<string> articleAuthors) =>
        articleAuthors.Contains(DisplayName.Trim(), StringComparer.OrdinalIgnoreCase);

    public bool Speaks(string language) => Languages.Contains(language, StringComparer.OrdinalIgnoreCase);
}
