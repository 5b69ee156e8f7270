using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Articles;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> a)
    {
        a.HasKey(x => x.Id);
        a.Property(x => x.Id).ValueGeneratedNever();
        a.Property(x => x.Title).HasMaxLength(Article.MaxTitleLength);
        a.Property(x => x.Outlet).HasMaxLength(Article.MaxOutletLength);
        a.Property(x => x.Url).HasMaxLength(HttpUrl.MaxLength);
        a.Property(x => x.Author).HasMaxLength(Article.MaxAuthorLength);
        a.Property(x => x.Language).HasMaxLength(Article.MaxLanguageLength);
        a.Property(x => x.Beat).HasMaxLength(Article.MaxBeatLength);
        a.Property(x => x.SubmittedBy).HasMaxLength(450);
        a.HasMany(x => x.Claims).WithOne().HasForeignKey(c => c.ArticleId);
        a.HasIndex(x => x.ReceivedAt);
    }
}
