using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Integrations;

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> a)
    {
        a.HasKey(x => x.Id);
        a.Property(x => x.Error).HasMaxLength(WebhookAttempt.MaxErrorLength);
        a.Ignore(x => x.Succeeded);
    }
}
