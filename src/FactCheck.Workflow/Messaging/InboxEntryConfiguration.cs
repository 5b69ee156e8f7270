using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Messaging;

internal sealed class InboxEntryConfiguration : IEntityTypeConfiguration<InboxEntry>
{
    public void Configure(EntityTypeBuilder<InboxEntry> i)
    {
        i.HasKey(x => new { x.MessageId, x.Consumer });
        i.Property(x => x.Consumer).HasMaxLength(200);
        i.HasIndex(x => x.ProcessedAt);
    }
}
