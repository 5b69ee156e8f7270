using FactCheck.Contracts;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Messaging;

namespace FactCheck.Tests.Domain;

public sealed class ArticleTests
{
    [Fact]
    public void A_received_article_is_stored_as_submitted_tidied_and_announces_itself()
    {
        var submission = new SubmitArticle
        {
            ArticleId = Guid.NewGuid(),
            Title = "  Special forces in Iraq ",
            Text = "About 200 special forces are in Iraq.",
            Language = " EN ",
            Outlet = " The Canadian Press ",
            Beat = " Defence ",
            SubmittedBy = "editor-1",
        };

        var article = Article.Receive(submission, Claims.Now);

        Assert.Equal(("Special forces in Iraq", "en", "The Canadian Press", "defence"), (article.Title, article.Language, article.Outlet, article.Beat));
        var received = Assert.IsType<ArticleReceived>(Assert.Single(((IHasOutgoingMessages)article).OutgoingMessages));
        Assert.Equal((submission.ArticleId, "Special forces in Iraq", "en", Claims.Now), (received.ArticleId, received.Title, received.Language, received.ReceivedAt));
    }

    [Fact]
    public void Extraction_announces_the_claims_and_keeps_how_many_were_left_out()
    {
        var article = Article.Receive(new SubmitArticle { ArticleId = Guid.NewGuid(), Title = "T", Text = "Text.", Language = "en" }, Claims.Now);
        ((IHasOutgoingMessages)article).ClearOutgoingMessages();
        var claims = new[] { Claims.New(), Claims.New() };

        article.Extracted(claims, leftOut: 3, Claims.Now);

        Assert.Equal(3, article.ClaimsLeftOut);
        var extracted = Assert.IsType<ClaimsExtracted>(Assert.Single(((IHasOutgoingMessages)article).OutgoingMessages));
        Assert.Equal(claims.Select(c => c.Id), extracted.ClaimIds);
    }
}
