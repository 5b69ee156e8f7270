using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Articles;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> r)
    {
        r.HasKey(x => new { x.Key, x.UserId });
        r.Property(x => x.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        r.Property(x => x.UserId).HasMaxLength(450);
        r.Property(x => x.RequestHash).HasMaxLength(64);
    }
}
