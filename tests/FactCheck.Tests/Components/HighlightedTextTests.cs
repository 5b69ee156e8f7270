using Bunit;
using FactCheck.Web.Components.Shared;
using FactCheck.Workflow.Claims;

namespace FactCheck.Tests.Components;

public sealed class HighlightedTextTests : IDisposable
{
    private readonly BunitContext _context = new();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void Claims_are_marked_at_their_exact_offsets_within_their_paragraphs()
    {
        const string text = "First paragraph. 176 people aboard.\n\nSecond one: about 200 special forces.";
        var first = new HighlightedText.Span(Guid.NewGuid(), text.IndexOf("176", StringComparison.Ordinal), text.IndexOf("aboard.", StringComparison.Ordinal) + 7, ClaimStatus.Published);
        var second = new HighlightedText.Span(Guid.NewGuid(), text.IndexOf("about", StringComparison.Ordinal), text.Length, ClaimStatus.Queued);

        var cut = _context.Render<HighlightedText>(p => p.Add(x => x.Text, text).Add(x => x.Claims, [second, first]).Add(x => x.Linked, true));

        var paragraphs = cut.FindAll("p");
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal("First paragraph. 176 people aboard.", paragraphs[0].TextContent);
        var links = cut.FindAll("a.claim-mark");
        Assert.Equal(["176 people aboard.", "about 200 special forces."], links.Select(a => a.TextContent));
        Assert.Equal($"claims/{first.Id}", links[0].GetAttribute("href"));
        Assert.Contains("status-published", links[0].ClassList);
    }

    [Fact]
    public void Markup_in_the_text_is_shown_as_text()
    {
        const string text = "<script>alert(1)</script> said <img src=x onerror=alert(2)> 57 Canadians";
        var cut = _context.Render<HighlightedText>(p => p
            .Add(x => x.Text, text)
            .Add(x => x.Claims, [new HighlightedText.Span(Guid.NewGuid(), 0, 25, ClaimStatus.Queued)]));

        Assert.Empty(cut.FindAll("script, img"));
        Assert.Equal(text, cut.Find("p").TextContent);
        Assert.Contains("&lt;script&gt;", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_excerpt_shifts_offsets_and_skips_claims_outside_it_or_overlapping_an_earlier_one()
    {
        const string article = "Intro.\n\nTroops: 200 special forces.\n\nEnd.";
        var start = article.IndexOf("Troops", StringComparison.Ordinal);
        var excerpt = article[start..article.IndexOf("\n\nEnd", StringComparison.Ordinal)];
        var inside = new HighlightedText.Span(Guid.NewGuid(), article.IndexOf("200", StringComparison.Ordinal), article.IndexOf(" forces", StringComparison.Ordinal), ClaimStatus.Assigned);
        var overlapping = new HighlightedText.Span(Guid.NewGuid(), inside.Start + 2, inside.End + 3, ClaimStatus.Assigned);
        var outside = new HighlightedText.Span(Guid.NewGuid(), 0, 6, ClaimStatus.Assigned);

        var cut = _context.Render<HighlightedText>(p => p.Add(x => x.Text, excerpt).Add(x => x.Offset, start).Add(x => x.Claims, [outside, inside, overlapping]).Add(x => x.Current, inside.Id));

        var mark = Assert.Single(cut.FindAll("mark"));
        Assert.Equal("200 special", mark.TextContent);
        Assert.Contains("current", mark.ClassList);
        Assert.Equal(excerpt, cut.Find("p").TextContent);
    }

    [Fact]
    public void The_status_bar_says_in_words_what_its_segments_show()
    {
        var cut = _context.Render<StatusBar>(p => p.Add(x => x.Counts, new Dictionary<ClaimStatus, int> { [ClaimStatus.Queued] = 3, [ClaimStatus.Published] = 1 }));

        Assert.Equal("Queued 3, Published 1", cut.Find(".status-bar").GetAttribute("aria-label"));
        Assert.Equal(["3", "1"], cut.FindAll(".segment").Select(s => s.GetAttribute("data-count")));
    }
}
