using System.Globalization;
using FactCheck.Workflow.Claims;

namespace FactCheck.Web.Ui;

/// <summary>How statuses and times read on the pages.</summary>
public static class Format
{
    public static string Label(this ClaimStatus status) => status switch
    {
        ClaimStatus.InProgress => "In progress",
        ClaimStatus.VerdictProposed => "Verdict proposed",
        _ => status.ToString(),
    };

    public static string Label(this DismissalReason reason) => reason switch
    {
        DismissalReason.NotCheckWorthy => "not check-worthy",
        DismissalReason.Duplicate => "a duplicate",
        DismissalReason.MergedBack => "merged back into its whole",
        _ => "other",
    };

    public static string CssClass(this ClaimStatus status) => "status-" + status.ToString().ToLowerInvariant();

    /// <summary>"2h 05m left", "12m left", or "expired".</summary>
    public static string TimeLeft(DateTime? until, DateTime now)
    {
        if (until is not { } end)
            return "";
        var left = end - now;
        if (left <= TimeSpan.Zero)
            return "expired";
        return left.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalHours}h {left.Minutes:00}m left")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, left.Minutes)}m left");
    }

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static string When(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Statuses in lifecycle order, for bars and legends.</summary>
    public static readonly ClaimStatus[] Statuses = Enum.GetValues<ClaimStatus>();
}
