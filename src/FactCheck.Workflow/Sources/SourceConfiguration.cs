using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Sources;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> s)
    {
        s.HasKey(x => x.Id);
        s.Property(x => x.Id).ValueGeneratedNever();
        s.Property(x => x.Url).HasMaxLength(HttpUrl.MaxLength);
        s.Property(x => x.Title).HasMaxLength(Source.MaxTitleLength);
        s.Property(x => x.Publisher).HasMaxLength(Source.MaxPublisherLength);
        s.Property(x => x.Excerpt).HasMaxLength(Source.MaxExcerptLength);
        s.Property(x => x.AddedBy).HasMaxLength(450);
        s.Property(x => x.ContentHash).HasMaxLength(64);
        s.Property(x => x.CheckError).HasMaxLength(1000);
    }
}
