namespace FactCheck.Workflow.Sources;

/// <summary>Evidence a reviewer attached to a claim.</summary>
public sealed class Source
{
    public const int MaxTitleLength = 500;
    public const int MaxPublisherLength = 200;
    public const int MaxExcerptLength = 4000;

    public Guid Id { get; private set; }
    public Guid ClaimId { get; private set; }
    public string Url { get; private set; } = "";
    public string? Title { get; private set; }
    public string? Publisher { get; private set; }
    public string? Excerpt { get; private set; }
    public SourceStance Stance { get; private set; }
    public string? AddedBy { get; private set; }
    public DateTime AddedAt { get; private set; }

    public LinkStatus LinkStatus { get; private set; }
    public int? HttpStatus { get; private set; }
    public string? ContentHash { get; private set; }
    public DateTime? CheckedAt { get; private set; }
    public int CheckAttempts { get; private set; }
    public string? CheckError { get; private set; }

    private Source() { }

    internal Source(Guid id, Guid claimId, string url, string? title, string? publisher, string? excerpt, SourceStance stance, string? addedBy, DateTime addedAt)
    {
        Id = id;
        ClaimId = claimId;
        Url = url;
        Title = title;
        Publisher = publisher;
        Excerpt = excerpt;
        Stance = stance;
        AddedBy = addedBy;
        AddedAt = addedAt;
    }

    /// <summary>The source as the audit trail records it (JSON), link check included.</summary>
    public string Describe() => System.Text.Json.JsonSerializer.Serialize(new
    {
        Url, Title, Publisher, Excerpt, Stance = Stance.ToString(), LinkStatus = LinkStatus.ToString(), HttpStatus, ContentHash, CheckedAt,
    });

    /// <summary>A changed URL has not been checked yet.</summary>
    internal void Edit(string url, string? title, string? publisher, string? excerpt, SourceStance stance)
    {
        if (url != Url)
        {
            Url = url;
            LinkStatus = LinkStatus.Unchecked;
            HttpStatus = null;
            ContentHash = null;
            CheckedAt = null;
            CheckAttempts = 0;
            CheckError = null;
        }

        Title = title;
        Publisher = publisher;
        Excerpt = excerpt;
        Stance = stance;
    }

    public void RecordLinkCheck(LinkStatus status, int? httpStatus, string? contentHash, string? error, DateTime checkedAt)
    {
        LinkStatus = status;
        HttpStatus = httpStatus;
        ContentHash = contentHash ?? ContentHash;
        CheckError = error;
        CheckedAt = checkedAt;
        CheckAttempts++;
    }

    /// <summary>Only http(s) URLs are evidence; anything else (javascript:, file:, data:) is refused.</summary>
    public static Uri ParseUrl(string? url) => HttpUrl.Parse(url, "A source");
}
