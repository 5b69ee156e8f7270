using System.Net;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Labels;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Api;

/// <summary>The newsroom shapes its work items: add a claim from a span, split it, merge it back, reword it.</summary>
public sealed class ClaimShapingTests(EmbeddedDesk desk) : IClassFixture<EmbeddedDesk>
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = ClaimWorkflowScenario.Json;

    private static string ArticleText => SampleArticle.Text;

    /// <summary>A claim of the sample article by the start of its text; each test takes a different one.</summary>
    private ClaimSummary ClaimStarting(string start) =>
        desk.Article.Claims.Single(c => c.Text.StartsWith(start, StringComparison.Ordinal));

    private async Task<List<ClaimEventResponse>> History(Guid id) =>
        (await desk.Editor.GetFromJsonAsync<List<ClaimEventResponse>>($"/api/claims/{id}/history", Json))!;

    private Task<int> ClaimCount() => desk.App.WithDbAsync(db => db.Claims.CountAsync(c => c.ArticleId == desk.Article.Id));

    private Task<bool> Announced(string messageType, Guid claimId) =>
        desk.App.WithDbAsync(db => db.Outbox.AnyAsync(m => m.MessageType == $"factcheck.{messageType}.v1" && m.Body.Contains(claimId.ToString())));

    [Fact]
    public async Task An_editor_adds_a_claim_from_a_quote_and_it_is_described_triaged_and_labelled()
    {
        // Typed with a straight apostrophe-free quote; found in the text, described by the detector.
        const string quote = "the movements of (American President Donald) Trump in Iran in the last 10 days";
        var response = await desk.Editor.PostAsJsonAsync($"/api/articles/{desk.Article.Id}/claims", new { quote, statement = "Donald Trump's moves on Iran in the 10 days before 15 January 2020" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = (await response.Content.ReadFromJsonAsync<ClaimSummary>(Json))!;
        Assert.Equal($"/api/claims/{added.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(ArticleText.IndexOf(quote, StringComparison.Ordinal), added.Start);
        Assert.Equal(quote, added.Text);
        Assert.Equal("Donald Trump's moves on Iran in the 10 days before 15 January 2020", added.Statement);
        Assert.Equal(ClaimOrigin.Added, added.Origin);
        Assert.NotEqual(ClaimStatus.New, added.Status);
        Assert.Contains(added.Quantities, q => q.Text.Contains("10", StringComparison.Ordinal));
        Assert.InRange(added.Score, 0.0, 1.0);

        var created = (await History(added.Id)).First();
        Assert.Equal((ClaimEventKind.Created, "Added"), (created.Kind, created.To));
        Assert.True(await Announced("claim-added", added.Id));
        var label = await desk.App.WithDbAsync(db => db.DeskLabels.SingleAsync(l => l.ClaimId == added.Id));
        Assert.Equal((DeskLabelKind.Added, true, quote), (label.Kind, label.CheckWorthy, label.Text));

        // The same span twice is one claim.
        var again = await desk.Editor.PostAsJsonAsync($"/api/articles/{desk.Article.Id}/claims", new { start = added.Start, end = added.End });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_span_by_offsets_is_trimmed_and_typographic_quotes_match_straight_ones()
    {
        const string sentence = "Canada leads that mission";
        var start = ArticleText.IndexOf(sentence, StringComparison.Ordinal);
        var byOffsets = await desk.Editor.PostAsJsonAsync($"/api/articles/{desk.Article.Id}/claims", new { start = start - 1, end = start + sentence.Length });
        Assert.Equal(HttpStatusCode.Created, byOffsets.StatusCode);
        var claim = (await byOffsets.Content.ReadFromJsonAsync<ClaimSummary>(Json))!;
        Assert.Equal((start, sentence), (claim.Start, claim.Text));

        // "Canada's" finds "Canada’s"; the offsets are the article's.
        var typed = await desk.Editor.PostAsJsonAsync($"/api/articles/{desk.Article.Id}/claims", new { quote = "Canada's mission to Iraq has two main elements" });
        Assert.Equal(HttpStatusCode.Created, typed.StatusCode);
        var found = (await typed.Content.ReadFromJsonAsync<ClaimSummary>(Json))!;
        Assert.Equal("Canada’s mission to Iraq has two main elements", found.Text);
    }

    [Theory]
    [InlineData("{\"quote\":\"a sentence that is nowhere in the article\"}", HttpStatusCode.UnprocessableEntity, "is not in the article")]
    [InlineData("{\"quote\":\"ISIL\"}", HttpStatusCode.UnprocessableEntity, "appears more than twice")]
    [InlineData("{\"start\":10,\"end\":999999}", HttpStatusCode.UnprocessableEntity, "is not inside the article")]
    [InlineData("{\"start\":300,\"end\":200}", HttpStatusCode.UnprocessableEntity, "start must be before end")]
    [InlineData("{\"start\":300,\"end\":303}", HttpStatusCode.UnprocessableEntity, "too little text")]
    [InlineData("{\"start\":300}", HttpStatusCode.BadRequest, "needs both start and end")]
    [InlineData("{}", HttpStatusCode.BadRequest, "by a quote")]
    public async Task A_bad_span_is_refused_with_the_reason_and_adds_nothing(string body, HttpStatusCode status, string reason)
    {
        var before = await ClaimCount();
        var response = await desk.Editor.PostAsync($"/api/articles/{desk.Article.Id}/claims", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await ClaimCount());
    }

    [Fact]
    public async Task Only_editors_shape_claims_and_an_unknown_article_is_not_found()
    {
        var claim = ClaimStarting("Many Iraqi parliamentarians");
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Reviewer.PostAsJsonAsync($"/api/articles/{desk.Article.Id}/claims", new { quote = "Canada leads that mission" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/split", new { parts = new[] { new { start = claim.Start, end = claim.Start + 20 }, new { start = claim.Start + 21, end = claim.End } } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Reviewer.PostAsync($"/api/claims/{claim.Id}/merge-back", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Editor.PostAsJsonAsync($"/api/articles/{Guid.NewGuid()}/claims", new { quote = "Canada leads that mission" })).StatusCode);
        Assert.Equal(ClaimStatus.Assigned, (await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Claim.Status);
    }

    [Fact]
    public async Task An_editor_splits_a_claim_into_parts_that_go_to_its_reviewer_and_merges_them_back()
    {
        var claim = ClaimStarting("Canada’s mission to Iraq has two main elements");
        var comma = ArticleText.IndexOf(',', claim.Start);
        var second = ArticleText.IndexOf("the first of which", claim.Start, StringComparison.Ordinal);
        var response = await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/split", new
        {
            parts = new object[] { new { start = claim.Start, end = comma }, new { start = second, end = claim.End, statement = "Canada's mission's first element comprises around 200 troops training local forces to fight ISIL since October 2018." } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var parts = (await response.Content.ReadFromJsonAsync<List<ClaimSummary>>(Json))!;
        Assert.Equal([ArticleText[claim.Start..comma], ArticleText[second..claim.End]], parts.Select(p => p.Text));
        Assert.All(parts, p => Assert.Equal((ClaimOrigin.Split, claim.Id, ClaimStatus.Assigned, desk.ReviewerId), (p.Origin, p.SplitFromId, p.Status, p.AssigneeId)));
        Assert.StartsWith("Canada's mission's first element", parts[1].Statement, StringComparison.Ordinal);
        Assert.Contains(parts[1].Quantities, q => q.Text.Contains("200", StringComparison.Ordinal));

        // The original is closed as split, its history and page name the parts, each part names it.
        var original = await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id);
        Assert.Equal(ClaimStatus.Split, original.Claim.Status);
        Assert.Null(original.Claim.AssigneeId);
        Assert.Equal(parts.Select(p => p.Id).Order(), original.Parts.Select(p => p.Id).Order());
        var split = (await History(claim.Id)).Last(e => e.Kind == ClaimEventKind.StatusChanged);
        Assert.Equal($"split into {parts[0].Id}, {parts[1].Id}", split.Reason);
        Assert.Equal(claim.Id, (await ClaimWorkflowScenario.GetClaim(desk.Editor, parts[0].Id)).SplitFrom!.Id);
        Assert.True(await Announced("claim-split", claim.Id));
        Assert.True(await Announced("claim-added", parts[1].Id));
        Assert.Equal(2, await desk.App.WithDbAsync(db => db.DeskLabels.CountAsync(l => l.Kind == DeskLabelKind.Split && (l.ClaimId == parts[0].Id || l.ClaimId == parts[1].Id))));
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/split", new { parts = new[] { new { start = claim.Start, end = comma }, new { start = second, end = claim.End } } })).StatusCode);

        // Merged back: the parts close, their labels go, and the claim is worked again.
        Assert.Equal(HttpStatusCode.OK, (await desk.Editor.PostAsync($"/api/claims/{claim.Id}/merge-back", null)).StatusCode);
        var merged = await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id);
        Assert.Contains(merged.Claim.Status, new[] { ClaimStatus.Queued, ClaimStatus.Assigned });
        foreach (var part in parts)
        {
            var closed = (await ClaimWorkflowScenario.GetClaim(desk.Editor, part.Id)).Claim;
            Assert.Equal((ClaimStatus.Dismissed, DismissalReason.MergedBack), (closed.Status, closed.Dismissal));
        }

        Assert.Equal(0, await desk.App.WithDbAsync(db => db.DeskLabels.CountAsync(l => l.ClaimId == parts[0].Id || l.ClaimId == parts[1].Id)));
        Assert.True(await Announced("claim-split-undone", claim.Id));
        var restore = await desk.Editor.PostAsync($"/api/claims/{parts[0].Id}/restore", null);
        Assert.Equal(HttpStatusCode.Conflict, restore.StatusCode);
        Assert.Contains("merged back", await restore.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("overlap", "overlap")]
    [InlineData("outside", "is not inside the claim's span")]
    [InlineData("single", "at least two parts")]
    public async Task A_bad_split_is_refused_and_changes_nothing(string kind, string reason)
    {
        var claim = ClaimStarting("Many Iraqi parliamentarians");
        var middle = claim.Start + ((claim.End - claim.Start) / 2);
        object[] parts = kind switch
        {
            "overlap" => [new { start = claim.Start, end = middle + 5 }, new { start = middle, end = claim.End }],
            "outside" => [new { start = claim.Start - 40, end = middle }, new { start = middle + 1, end = claim.End }],
            _ => [new { start = claim.Start, end = claim.End }],
        };
        var before = await ClaimCount();
        var response = await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/split", new { parts });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await ClaimCount());
        Assert.Equal(ClaimStatus.Assigned, (await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Claim.Status);
    }

    [Fact]
    public async Task A_claim_with_a_proposed_verdict_is_not_split()
    {
        var claim = ClaimStarting("Iran has apologized");
        Assert.Equal(HttpStatusCode.OK, (await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/verdict", new { rating = "True", rationale = "Iran's statement of 11 January 2020." })).StatusCode);
        var split = await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/split", new { parts = new[] { new { start = claim.Start, end = claim.Start + 20 }, new { start = claim.Start + 24, end = claim.End } } });
        Assert.Equal(HttpStatusCode.Conflict, split.StatusCode);
        Assert.Contains("proposed verdict", await split.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reviewer_rewords_the_statement_and_the_published_ClaimReview_and_page_use_it()
    {
        var claim = ClaimStarting("Both elements saw their missions suspended");
        const string statement = "Canada suspended both of its military missions in Iraq in the week of 6 January 2020.";
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.OtherReviewer.PutAsJsonAsync($"/api/claims/{claim.Id}/statement", new { statement })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Reviewer.PutAsJsonAsync($"/api/claims/{claim.Id}/statement", new { statement = "  " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Reviewer.PutAsJsonAsync($"/api/claims/{claim.Id}/statement", new { statement = new string('x', Claim.MaxStatementLength + 1) })).StatusCode);

        var reworded = await desk.Reviewer.PutAsJsonAsync($"/api/claims/{claim.Id}/statement", new { statement });
        Assert.Equal(HttpStatusCode.OK, reworded.StatusCode);
        var after = (await reworded.Content.ReadFromJsonAsync<ClaimSummary>(Json))!;
        Assert.Equal((statement, claim.Text), (after.Statement, after.Text));
        var change = (await History(claim.Id)).Single(e => e.Kind == ClaimEventKind.StatementChanged);
        Assert.Equal((claim.Text, statement, desk.ReviewerId), (change.From, change.To, change.Actor));
        Assert.True(await Announced("claim-statement-changed", claim.Id));

        Assert.Equal(HttpStatusCode.OK, (await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/verdict", new { rating = "True", rationale = "The defence department announced the pause on 7 January 2020." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/verdict/approve", new { })).StatusCode);
        var jsonLd = await desk.Editor.GetStringAsync($"/api/claims/{claim.Id}/claimreview");
        Assert.Contains($"\"claimReviewed\": \"{statement}\"", jsonLd, StringComparison.Ordinal);
        var page = await desk.Editor.GetStringAsync($"/fact-checks/{claim.Id}");
        Assert.Contains(statement, page, StringComparison.Ordinal);

        // Published: the statement changes only through a correction.
        var late = await desk.Editor.PutAsJsonAsync($"/api/claims/{claim.Id}/statement", new { statement = "Something else entirely, reworded." });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("correction", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_rewords_of_one_version_save_one_and_refuse_the_other()
    {
        var claim = ClaimStarting("Complicating matters is a resolution");
        Assert.Equal((ClaimStatus.Assigned, desk.ReviewerId), (claim.Status, claim.AssigneeId));
        var etag = (await desk.Editor.GetAsync($"/api/claims/{claim.Id}")).Headers.ETag!.Tag;
        async Task<HttpStatusCode> Reword(HttpClient client, string statement)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/claims/{claim.Id}/statement") { Content = JsonContent.Create(new { statement }) };
            request.Headers.IfMatch.ParseAdd(etag);
            return (await client.SendAsync(request)).StatusCode;
        }

        var results = await Task.WhenAll(Reword(desk.Editor, "The Iraqi parliament resolved that all foreign troops leave Iraq."), Reword(desk.Reviewer, "Iraq's parliament voted to expel foreign troops."));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Order());
        Assert.Single(await History(claim.Id), e => e.Kind == ClaimEventKind.StatementChanged);
    }

    [Fact]
    public async Task A_dismissal_as_not_check_worthy_is_a_label_until_the_claim_is_restored()
    {
        var claim = ClaimStarting("It was not clear who fired the rockets");
        Assert.Equal(HttpStatusCode.OK, (await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/dismiss", new { kind = "NotCheckWorthy", reason = "speculation" })).StatusCode);
        var dismissed = (await ClaimWorkflowScenario.GetClaim(desk.Editor, claim.Id)).Claim;
        Assert.Equal(DismissalReason.NotCheckWorthy, dismissed.Dismissal);
        var label = await desk.App.WithDbAsync(db => db.DeskLabels.SingleAsync(l => l.ClaimId == claim.Id));
        Assert.False(label.CheckWorthy);

        // Admins see the labels since the model was trained and download them as training data.
        var summary = (await desk.Admin.GetFromJsonAsync<DeskLabelSummary>("/api/admin/desk-labels", Json))!;
        Assert.NotNull(summary.ModelTrainedAt);
        Assert.InRange(summary.SinceTraining.NotCheckWorthy, 1, int.MaxValue);
        var tsv = await desk.Admin.GetStringAsync("/api/admin/desk-labels/export");
        Assert.Contains($"desk-{label.Id}\t{claim.Text}\tNo", tsv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Editor.GetAsync("/api/admin/desk-labels/export")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await desk.Editor.PostAsync($"/api/claims/{claim.Id}/restore", null)).StatusCode);
        Assert.Equal(0, await desk.App.WithDbAsync(db => db.DeskLabels.CountAsync(l => l.ClaimId == claim.Id)));

        var badKind = await desk.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/dismiss", new { kind = "Duplicate" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("duplicateOf", await badKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicates_are_shown_on_both_claims()
    {
        var original = ClaimStarting("Canada leads that mission");
        var repeat = ClaimStarting("Nobody was injured");
        Assert.Equal(HttpStatusCode.OK, (await desk.Editor.PostAsJsonAsync($"/api/claims/{repeat.Id}/dismiss", new { duplicateOf = original.Id })).StatusCode);
        var both = (await ClaimWorkflowScenario.GetClaim(desk.Editor, original.Id), await ClaimWorkflowScenario.GetClaim(desk.Editor, repeat.Id));
        Assert.Contains(both.Item1.Duplicates, d => d.Id == repeat.Id);
        Assert.Equal(original.Id, both.Item2.DuplicateOf!.Id);
        Assert.Equal(DismissalReason.Duplicate, both.Item2.Claim.Dismissal);
    }

    [Fact]
    public async Task An_editor_merges_the_detectors_atomic_claims_of_a_sentence_back_into_one_and_can_split_it_again()
    {
        var first = ClaimStarting("These fears proved to be justified");
        var second = ClaimStarting("where Canadian special forces have been active");
        var details = await ClaimWorkflowScenario.GetClaim(desk.Editor, first.Id);
        Assert.Equal([second.Id], details.SameSentence.Select(c => c.Id));

        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Reviewer.PostAsJsonAsync("/api/claims/merge", new { claimIds = new[] { first.Id, second.Id } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Editor.PostAsJsonAsync("/api/claims/merge", new { claimIds = new[] { first.Id } })).StatusCode);
        var response = await desk.Editor.PostAsJsonAsync("/api/claims/merge", new { claimIds = new[] { second.Id, first.Id } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var merged = (await response.Content.ReadFromJsonAsync<ClaimSummary>(Json))!;
        Assert.Equal((first.Start, second.End, ClaimOrigin.Merged), (merged.Start, merged.End, merged.Origin));
        Assert.Equal(ArticleText[first.Start..second.End], merged.Text);
        foreach (var part in new[] { first, second })
        {
            var closed = (await ClaimWorkflowScenario.GetClaim(desk.Editor, part.Id)).Claim;
            Assert.Equal((ClaimStatus.Dismissed, DismissalReason.MergedBack, merged.Id), (closed.Status, closed.Dismissal, closed.SplitFromId));
        }

        Assert.Equal([first.Id, second.Id], (await ClaimWorkflowScenario.GetClaim(desk.Editor, merged.Id)).Parts.Select(p => p.Id));
        Assert.True(await Announced("claim-split-undone", merged.Id));
        Assert.Equal(HttpStatusCode.Conflict, (await desk.Editor.PostAsJsonAsync("/api/claims/merge", new { claimIds = new[] { first.Id, second.Id } })).StatusCode);

        // Reversible: the merged claim splits again along the same lines (once the auto-assignment
        // that follows its queueing is done, which would otherwise be a concurrent edit, rightly a 409).
        await Eventually.Until(() => desk.App.WithDbAsync(db => db.Claims.Where(c => c.Id == merged.Id).Select(c => c.Status).SingleAsync()), s => s == ClaimStatus.Assigned, TimeSpan.FromSeconds(30), "the merged claim to be assigned");
        var again = await desk.Editor.PostAsJsonAsync($"/api/claims/{merged.Id}/split", new { parts = new[] { new { start = first.Start, end = first.End }, new { start = second.Start, end = second.End } } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
