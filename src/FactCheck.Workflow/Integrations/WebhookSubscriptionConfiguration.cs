using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Integrations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> w)
    {
        w.HasKey(x => x.Id);
        w.Property(x => x.Id).ValueGeneratedNever();
        w.Property(x => x.Name).HasMaxLength(WebhookSubscription.MaxNameLength);
        w.Property(x => x.Url).HasMaxLength(HttpUrl.MaxLength);
        w.Property(x => x.Events).HasConversion(new JsonValueConverter<List<string>>(), new JsonValueComparer<List<string>>()).HasMaxLength(2000);
        w.Property(x => x.Secret).HasMaxLength(WebhookSubscription.MaxSecretLength);
        w.Property(x => x.CreatedBy).HasMaxLength(450);
        w.Ignore(x => x.SecretHint);
        w.HasMany<WebhookDelivery>().WithOne().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
