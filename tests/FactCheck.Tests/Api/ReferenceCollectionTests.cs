using System.Net;
using System.Net.Http.Json;
using System.Text;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.References;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Api;

/// <summary>An admin imports other fact-checkers' verified claims: ClaimReview JSON-LD in its forms, or a TSV; all or nothing.</summary>
public sealed class ReferenceCollectionTests(EmbeddedDesk desk) : IClassFixture<EmbeddedDesk>
{
    private const string OneReview = """
        {
          "@context": "https://schema.org",
          "@type": "ClaimReview",
          "url": "https://factcheck.example/flight-752",
          "claimReviewed": "176 people on board died, including 63 Canadians.",
          "name": "Did the crash of flight PS752 kill 63 Canadians?",
          "datePublished": "2020-01-10",
          "author": { "@type": "Organization", "name": "Example Checks" },
          "reviewRating": { "@type": "Rating", "ratingValue": 2, "alternateName": "Mostly false" }
        }
        """;

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string body, string contentType, string? format = null) =>
        client.PostAsync("/api/admin/references" + (format is null ? "" : $"?format={format}"), new StringContent(body, Encoding.UTF8, contentType));

    private Task<int> StoredAsync(string key) => desk.App.WithDbAsync(db => db.ReferenceClaims.CountAsync(r => r.Key == key));

    [Fact]
    public async Task One_ClaimReview_object_is_imported_with_its_rating_publisher_and_date()
    {
        var response = await ImportAsync(desk.Admin, OneReview, "application/ld+json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = (await response.Content.ReadFromJsonAsync<ReferenceImportResponse>())!;
        Assert.Equal((1, 0), (outcome.Added, outcome.Updated));
        var stored = await desk.App.WithDbAsync(db => db.ReferenceClaims.AsNoTracking().SingleAsync(r => r.Key == "https://factcheck.example/flight-752"));
        Assert.Equal(("176 people on board died, including 63 Canadians.", "Mostly false", "Example Checks", "Did the crash of flight PS752 kill 63 Canadians?"),
            (stored.Text, stored.Rating, stored.Publisher, stored.Title));
        Assert.Equal(new DateTime(2020, 1, 10, 0, 0, 0, DateTimeKind.Utc), stored.ReviewedAt);

        // The same fact-check again is an update, not a second verified claim.
        var again = (await (await ImportAsync(desk.Admin, OneReview.Replace("Mostly false", "False", StringComparison.Ordinal), "application/ld+json")).Content.ReadFromJsonAsync<ReferenceImportResponse>())!;
        Assert.Equal((0, 1), (again.Added, again.Updated));
        Assert.Equal(1, await StoredAsync("https://factcheck.example/flight-752"));
        Assert.Equal("False", await desk.App.WithDbAsync(db => db.ReferenceClaims.Where(r => r.Key == "https://factcheck.example/flight-752").Select(r => r.Rating).SingleAsync()));
    }

    [Fact]
    public async Task A_list_a_graph_and_a_page_with_json_ld_scripts_are_read_and_other_objects_passed_over()
    {
        var list = $"[{OneReview.Replace("flight-752", "list-1", StringComparison.Ordinal)}, {{ \"@type\": \"Article\", \"headline\": \"not a review\" }}, {OneReview.Replace("flight-752", "list-2", StringComparison.Ordinal)}]";
        Assert.Equal(2, (await (await ImportAsync(desk.Admin, list, "application/json")).Content.ReadFromJsonAsync<ReferenceImportResponse>())!.Added);

        var graph = $"{{ \"@context\": \"https://schema.org\", \"@graph\": [{OneReview.Replace("flight-752", "graph-1", StringComparison.Ordinal)}] }}";
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(desk.Admin, graph, "application/ld+json")).StatusCode);

        var page = $$"""
            <!doctype html><html><head><title>Fact check</title>
            <script type="application/ld+json">{{OneReview.Replace("flight-752", "page-1", StringComparison.Ordinal)}}</script>
            <script type='application/ld+json'>{ "@type": ["ClaimReview"], "url": "https://factcheck.example/page-2", "claimReviewed": "About 200 Canadian special forces are in Iraq." }</script>
            </head><body><p>text</p></body></html>
            """;
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(desk.Admin, page, "text/html")).StatusCode);
        foreach (var key in new[] { "list-1", "list-2", "graph-1", "page-1", "page-2" })
            Assert.Equal(1, await StoredAsync($"https://factcheck.example/{key}"));
    }

    [Fact]
    public async Task A_tsv_is_imported_by_its_header_and_keyed_by_url_or_id()
    {
        const string tsv = "id\tclaim\ttitle\trating\turl\n"
            + "sn-1\tA similar number of Canadian special forces have been in Iraq since 2014.\tSpecial forces in Iraq\tTrue\thttps://factcheck.example/sf\n"
            + "sn-2\tIran apologized for downing the plane.\t\tTrue\t\n";
        var response = await ImportAsync(desk.Admin, tsv, "text/tab-separated-values");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await StoredAsync("https://factcheck.example/sf"));
        Assert.Equal(1, await StoredAsync("id:sn-2"));
        var listed = (await desk.Admin.GetFromJsonAsync<ResultPage<ReferenceClaimResponse>>("/api/admin/references?pageSize=200", ClaimWorkflowScenario.Json))!;
        Assert.Contains(listed.Items, r => r.Key == "id:sn-2" && r.Title is null);

        // The embeddings follow in a job (this desk runs no job server: run it here), a vector per claim.
        await using (var scope = desk.App.Services.CreateAsyncScope())
            Assert.InRange(await scope.ServiceProvider.GetRequiredService<ReferenceEmbeddingJob>().RunAsync(CancellationToken.None), 2, int.MaxValue);
        var embedding = await desk.App.WithDbAsync(db => db.ReferenceClaims.Where(r => r.Key == "id:sn-2").Select(r => r.Embedding).SingleAsync());
        Assert.Equal(FactCheck.Detection.SentenceEmbedder.Dimensions * sizeof(float), embedding!.Length);
        Assert.Equal(0, await desk.App.WithDbAsync(db => db.ReferenceClaims.CountAsync(r => r.Embedding == null)));
    }

    [Theory]
    [InlineData("application/ld+json", null, "{ \"@type\": \"ClaimReview\", \"claimReviewed\": \"x\",\n  \"url\": }", "line 2")]
    [InlineData("application/ld+json", null, "[{ \"@type\": \"ClaimReview\", \"url\": \"https://factcheck.example/bad-1\", \"claimReviewed\": \"fine\" }, { \"@type\": \"ClaimReview\", \"url\": \"https://factcheck.example/bad-2\" }]", "item 2, field 'claimReviewed'")]
    [InlineData("application/ld+json", null, "{ \"@type\": \"ClaimReview\", \"claimReviewed\": \"x\", \"url\": \"javascript:alert(1)\" }", "field 'url'")]
    [InlineData("text/html", null, "<html><body>no scripts</body></html>", "no <script")]
    [InlineData("text/plain", "tsv", "id\tclaim\turl\nbad-3\tFine claim.\thttps://factcheck.example/bad-3\nbad-4\t\thttps://factcheck.example/bad-4\n", "line 3, field 'claim'")]
    [InlineData("text/plain", "tsv", "id\tclaim\turl\nbad-5\tOnly two fields\n", "line 2: The row has 2 fields")]
    [InlineData("text/plain", "tsv", "id\ttitle\nbad-6\tNo claim column\n", "needs a 'claim' column")]
    public async Task A_malformed_file_is_refused_with_the_line_or_field_and_nothing_is_imported(string contentType, string? format, string body, string where)
    {
        var before = await desk.App.WithDbAsync(db => db.ReferenceClaims.CountAsync());
        var response = await ImportAsync(desk.Admin, body, contentType, format);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(where, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await desk.App.WithDbAsync(db => db.ReferenceClaims.CountAsync()));
    }

    [Fact]
    public async Task Only_admins_import_and_an_oversized_file_is_refused_before_it_is_read()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(desk.Editor, OneReview, "application/ld+json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Editor.GetAsync("/api/admin/references")).StatusCode);
        using var huge = new ByteArrayContent(new byte[1]);
        huge.Headers.ContentLength = ReferencesApi.MaxImportBytes + 1;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/references") { Content = huge };
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await desk.Admin.SendAsync(request)).StatusCode);
    }
}
