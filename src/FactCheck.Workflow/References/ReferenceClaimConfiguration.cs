using FactCheck.Detection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.References;

internal sealed class ReferenceClaimConfiguration : IEntityTypeConfiguration<ReferenceClaim>
{
    public void Configure(EntityTypeBuilder<ReferenceClaim> r)
    {
        r.HasKey(x => x.Id);
        r.Property(x => x.Id).ValueGeneratedNever();
        r.Property(x => x.Key).HasMaxLength(ReferenceClaim.MaxKeyLength);
        r.Property(x => x.Text).HasMaxLength(ReferenceClaim.MaxTextLength);
        r.Property(x => x.Title).HasMaxLength(ReferenceClaim.MaxTitleLength);
        r.Property(x => x.Rating).HasMaxLength(ReferenceClaim.MaxRatingLength);
        r.Property(x => x.Url).HasMaxLength(ReferenceClaim.MaxUrlLength);
        r.Property(x => x.Publisher).HasMaxLength(ReferenceClaim.MaxPublisherLength);
        r.Property(x => x.ImportedBy).HasMaxLength(450);
        r.Property(x => x.Embedding).HasMaxLength(SentenceEmbedder.Dimensions * sizeof(float));
        // A re-import updates the verified claim it already has.
        r.HasIndex(x => x.Key).IsUnique();
    }
}
