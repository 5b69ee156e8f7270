using FactCheck.Workflow.Persistence;
using FactCheck.Workflow.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Verdicts;

internal sealed class VerdictConfiguration : IEntityTypeConfiguration<Verdict>
{
    public void Configure(EntityTypeBuilder<Verdict> v)
    {
        v.HasKey(x => x.Id);
        v.Property(x => x.Id).ValueGeneratedNever();
        v.Property(x => x.Rating).HasMaxLength(64);
        v.Property(x => x.ProposedBy).HasMaxLength(450);
        v.Property(x => x.Statement).HasMaxLength(Claim.MaxStatementLength);
        v.Property(x => x.CitedSources).HasConversion(new JsonValueConverter<IReadOnlyList<CitedSource>?>(), new JsonValueComparer<IReadOnlyList<CitedSource>?>());
        v.OwnsOne(x => x.Review, r =>
        {
            r.Property(x => x.EditorId).HasMaxLength(450);
            r.Property(x => x.Comment).HasMaxLength(4000);
        });
    }
}
