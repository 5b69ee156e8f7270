using FactCheck.Workflow.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Labels;

internal sealed class DeskLabelConfiguration : IEntityTypeConfiguration<DeskLabel>
{
    public void Configure(EntityTypeBuilder<DeskLabel> l)
    {
        l.HasKey(x => x.Id);
        l.Property(x => x.Text).HasMaxLength(4000);
        l.Property(x => x.Language).HasMaxLength(Article.MaxLanguageLength);
        l.Property(x => x.LabelledBy).HasMaxLength(450);
        l.HasIndex(x => x.ClaimId);
        // "Labels since the model was trained" reads by time.
        l.HasIndex(x => x.LabelledAt);
    }
}
