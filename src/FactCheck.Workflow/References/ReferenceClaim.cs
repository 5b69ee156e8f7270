namespace FactCheck.Workflow.References;

/// <summary>
/// A claim another fact-checker (or the newsroom itself, earlier) has already verified, imported
/// into the reference collection, for new claims to be matched against like published ones.
/// </summary>
public sealed class ReferenceClaim
{
    public const int MaxTextLength = 4000;
    public const int MaxTitleLength = 1000;
    public const int MaxRatingLength = 200;
    public const int MaxUrlLength = 2048;
    public const int MaxPublisherLength = 300;
    public const int MaxKeyLength = 300;

    public Guid Id { get; private set; }

    /// <summary>What identifies the verified claim across imports: its fact-check's URL, else the id the file gave it.</summary>
    public string Key { get; private set; } = "";

    /// <summary>The claim as the fact-checker worded it (ClaimReview's <c>claimReviewed</c>).</summary>
    public string Text { get; private set; } = "";

    /// <summary>The fact-check's headline.</summary>
    public string? Title { get; private set; }

    public string? Rating { get; private set; }
    public string? Url { get; private set; }
    public string? Publisher { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public DateTime ImportedAt { get; private set; }
    public string ImportedBy { get; private set; } = "";

    /// <summary>The claim's sentence embedding (float32 bytes), computed after the import.</summary>
    public byte[]? Embedding { get; private set; }

    private ReferenceClaim() { }

    public ReferenceClaim(VerifiedClaim claim, string importedBy, DateTime now)
    {
        Id = Guid.CreateVersion7();
        Key = claim.Key;
        ImportedBy = importedBy;
        Update(claim, now);
    }

    /// <summary>A later import of the same verified claim replaces what it says (a corrected rating, say).</summary>
    public void Update(VerifiedClaim claim, DateTime now)
    {
        if (Text != claim.Text)
            Embedding = null;
        Text = claim.Text;
        Title = claim.Title;
        Rating = claim.Rating;
        Url = claim.Url;
        Publisher = claim.Publisher;
        ReviewedAt = claim.ReviewedAt;
        ImportedAt = now;
    }

    public void Embed(byte[] embedding) => Embedding = embedding;
}
