using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Integrations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> d)
    {
        d.HasKey(x => x.Id);
        d.Property(x => x.Id).ValueGeneratedNever();
        d.Property(x => x.Event).HasMaxLength(64);
        d.Ignore(x => x.AttemptCount);
        d.HasMany(x => x.Attempts).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        // One delivery per event per subscription, however often the event is redelivered.
        d.HasIndex(x => new { x.EventId, x.SubscriptionId }).IsUnique();
        d.HasIndex(x => new { x.SubscriptionId, x.CreatedAt });
        d.HasIndex(x => new { x.State, x.NextAttemptAt });
    }
}
