using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Messaging;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> o)
    {
        o.HasKey(x => x.Id);
        o.HasIndex(x => x.MessageId).IsUnique();
        o.HasIndex(x => new { x.DispatchedAt, x.Id });
        o.HasIndex(x => x.SettledAt);
        o.Property(x => x.MessageType).HasMaxLength(200);
    }
}
