using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Integrations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> k)
    {
        k.HasKey(x => x.Id);
        k.Property(x => x.Id).ValueGeneratedNever();
        k.Property(x => x.Name).HasMaxLength(ApiKey.MaxNameLength);
        k.Property(x => x.Role).HasMaxLength(32);
        k.Property(x => x.Lookup).HasMaxLength(8);
        k.Property(x => x.Hash).HasMaxLength(64);
        k.Property(x => x.CreatedBy).HasMaxLength(450);
        k.HasIndex(x => x.Lookup).IsUnique();
    }
}
