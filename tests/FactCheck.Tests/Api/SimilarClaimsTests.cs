using System.Net.Http.Json;
using FactCheck.Detection;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;

namespace FactCheck.Tests.Api;

/// <summary>A new claim brings up earlier claims of other articles that state the same fact, with their verdicts.</summary>
public sealed class SimilarClaimsTests
{
    [Fact]
    public async Task A_claim_suggests_the_earlier_claim_of_the_same_fact_with_its_published_verdict_and_not_a_related_one()
    {
        await using var app = new FactCheckApp(TestStack.Embedded());
        await app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], capacity: 100);
        await app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        using var editor = await app.ClientForAsync("eddie@newsroom.test");
        using var reviewer = await app.ClientForAsync("rita@newsroom.test");

        var first = await Submit(editor, "Wildfire", "More than 1,500 homes were destroyed by the wildfire, officials said on Monday.\n\nMore than 1,500 firefighters were deployed to fight the wildfire, the province said.");
        var homes = first.Claims.Single(c => c.Text.Contains("homes", StringComparison.Ordinal));
        var firefighters = first.Claims.Single(c => c.Text.Contains("firefighters", StringComparison.Ordinal));
        await reviewer.PostAsJsonAsync($"/api/claims/{homes.Id}/verdict", new { rating = "True", rationale = "The fire service's damage assessment counts 1,512 homes." });
        (await editor.PostAsJsonAsync($"/api/claims/{homes.Id}/verdict/approve", new { })).EnsureSuccessStatusCode();

        var second = await Submit(editor, "Fire aftermath", "The wildfire destroyed over 1,500 houses, according to the fire service.");
        var suggestions = await editor.GetFromJsonAsync<List<SimilarClaim>>($"/api/claims/{second.Claims.Single().Id}/similar", ClaimWorkflowScenario.Json);

        var suggestion = Assert.Single(suggestions!);
        Assert.Equal((homes.Id, ClaimStatus.Published, "True"), (suggestion.ClaimId, suggestion.Status, suggestion.PublishedRating));
        Assert.DoesNotContain(suggestions!, s => s.ClaimId == firefighters.Id);
        Assert.Empty((await editor.GetFromJsonAsync<List<SimilarClaim>>($"/api/claims/{homes.Id}/similar", ClaimWorkflowScenario.Json))!);
    }

    [Fact]
    public async Task A_suggestion_says_where_its_figures_differ_and_where_they_agree()
    {
        await using var app = new FactCheckApp(TestStack.Embedded());
        await app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], capacity: 100);
        await app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        using var editor = await app.ClientForAsync("eddie@newsroom.test");

        var first = await Submit(editor, "Flight PS752", "The airliner shot down over Tehran carried 176 people, including 63 Canadians, the airline said on Wednesday.");
        var second = await Submit(editor, "Flight PS752 victims", "The airliner shot down over Tehran carried 176 people, including 57 Canadians, officials said on Thursday.");
        var suggestion = Assert.Single((await editor.GetFromJsonAsync<List<SimilarClaim>>($"/api/claims/{second.Claims.Single().Id}/similar", ClaimWorkflowScenario.Json))!);
        Assert.Equal(first.Claims.Single().Id, suggestion.ClaimId);
        var canadians = Assert.Single(suggestion.QuantityDifferences, d => d.Subject == "Canadians");
        Assert.Equal(("57 Canadians", "63 Canadians", QuantityAgreement.Different), (canadians.ThisValue, canadians.OtherValue, canadians.Agreement));
        Assert.Contains(suggestion.QuantityDifferences, d => d.Subject == "people" && d.Agreement == QuantityAgreement.Same);
    }

    private static Task<ArticleResponse> Submit(HttpClient editor, string title, string text) =>
        AssignedArticle.SubmitAsync(editor, new { title, text }, $"'{title}' to be extracted and assigned");
}
