using FactCheck.Detection;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FactCheck.Workflow.Claims;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> c)
    {
        c.HasKey(x => x.Id);
        // Ids are chosen in code, so an entity reached through a navigation is new, not an update.
        c.Property(x => x.Id).ValueGeneratedNever();
        c.Property(x => x.Version).IsConcurrencyToken();
        c.Property(x => x.Text).HasMaxLength(4000);
        c.Property(x => x.Statement).HasMaxLength(Claim.MaxStatementLength);
        c.Property(x => x.Speaker).HasMaxLength(300);
        // A claim takes its article's language and beat.
        c.Property(x => x.Language).HasMaxLength(Article.MaxLanguageLength);
        c.Property(x => x.Beat).HasMaxLength(Article.MaxBeatLength);
        c.Property(x => x.AssigneeId).HasMaxLength(450);
        c.Property(x => x.Quantities).HasConversion(new JsonValueConverter<IReadOnlyList<Quantity>>(), new JsonValueComparer<IReadOnlyList<Quantity>>());
        c.HasMany(x => x.Sources).WithOne().HasForeignKey(s => s.ClaimId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Verdicts).WithOne().HasForeignKey(v => v.ClaimId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.History).WithOne().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Cascade);
        c.Ignore(x => x.CurrentVerdict);
        c.Ignore(x => x.PublishedVerdict);
        c.Ignore(x => x.EarlierPublishedVerdicts);
        c.Ignore(x => x.PublishedStatement);
        c.Property(x => x.Embedding).HasMaxLength(SentenceEmbedder.Dimensions * sizeof(float));
        // The queue and the desk read by priority then due date (filtered by status or assignee), in the
        // desk's order: most urgent first, then due soonest, so a page reads only what it shows.
        c.HasIndex(x => new { x.Status, x.Priority, x.DueAt }).IsDescending(false, true, false);
        c.HasIndex(x => new { x.Priority, x.DueAt }).IsDescending(true, false);
        c.HasIndex(x => new { x.AssigneeId, x.Status });
        c.HasIndex(x => x.ArticleId);
        c.HasIndex(x => x.LeaseExpiresAt);
        // A split claim's page lists its parts; a duplicate's original lists its duplicates.
        c.HasIndex(x => x.SplitFromId);
        c.HasIndex(x => x.DuplicateOfId);
    }
}
