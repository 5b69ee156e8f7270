using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Claims;

internal sealed class ClaimEventConfiguration : IEntityTypeConfiguration<ClaimEvent>
{
    public void Configure(EntityTypeBuilder<ClaimEvent> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.From).HasMaxLength(2048);
        e.Property(x => x.To).HasMaxLength(2048);
        e.Property(x => x.Actor).HasMaxLength(450);
        e.Property(x => x.Reason).HasMaxLength(4000);
        e.HasIndex(x => new { x.ClaimId, x.OccurredAt });
    }
}
