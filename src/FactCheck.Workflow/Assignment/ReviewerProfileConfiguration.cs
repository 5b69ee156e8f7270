using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Assignment;

internal sealed class ReviewerProfileConfiguration : IEntityTypeConfiguration<ReviewerProfile>
{
    public void Configure(EntityTypeBuilder<ReviewerProfile> r)
    {
        r.HasKey(x => x.UserId);
        r.Property(x => x.UserId).HasMaxLength(450);
        r.Property(x => x.DisplayName).HasMaxLength(200);
    }
}
