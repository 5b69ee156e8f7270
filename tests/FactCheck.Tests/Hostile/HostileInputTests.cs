using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FactCheck.Detection;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web;
using FactCheck.Web.Api;
using FactCheck.Workflow.Articles;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Hostile;

/// <summary>
/// What a careless or hostile client sends: bodies too big, broken or too deep JSON, bytes that are not
/// UTF-8, control characters in any text, articles no newsroom writes. Each is refused with a
/// ProblemDetails that says why (or, for the last, cut down and said so), nothing of it is stored, and
/// the service keeps answering. Served by Kestrel, whose body limits are the ones production has.
/// </summary>
public sealed class HostileInputTests(HostileDesk desk) : IClassFixture<HostileDesk>
{
    private const int MegaByte = 1024 * 1024;

    [Fact]
    public async Task A_50_MB_article_is_refused_before_it_is_read_whether_its_length_is_declared_or_not()
    {
        var before = await RowCountsAsync();
        var body = new byte[50 * MegaByte];
        Array.Fill(body, (byte)'a');

        // Expect: 100-continue, as a client sending a large body should: the refusal comes before the body is sent.
        using var declared = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new ByteArrayContent(body) };
        declared.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        declared.Headers.ExpectContinue = true;
        var problem = await ProblemAsync(await desk.Editor.SendAsync(declared), HttpStatusCode.RequestEntityTooLarge);
        Mentions(problem, $"at most {ArticlesApi.MaxBodyBytes:N0}", StringComparison.Ordinal);

        // Chunked: no length up front, so the app reads up to the limit and answers 413 (a client
        // still sending when the connection closes may see only that).
        using var chunked = new StreamContent(new MemoryStream(body));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        try
        {
            problem = await ProblemAsync(await desk.Editor.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
            Mentions(problem, $"at most {ArticlesApi.MaxBodyBytes:N0}", StringComparison.Ordinal);
        }
        catch (HttpRequestException e) when (e.GetBaseException() is System.Net.Sockets.SocketException)
        {
        }

        await StillServingAsync(before);
    }

    [Fact]
    public async Task Every_other_endpoint_refuses_a_body_over_a_megabyte()
    {
        var before = await RowCountsAsync();
        var huge = JsonContent.Create(new { url = "https://example.org/report", title = new string('t', (int)WebHosting.MaxRequestBodyBytes), stance = "Supports" });
        await huge.LoadIntoBufferAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/claims/{desk.Claim(0).Id}/sources") { Content = huge };
        request.Headers.ExpectContinue = true;
        var problem = await ProblemAsync(await desk.Reviewer.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal($"The request body is too large: at most {WebHosting.MaxRequestBodyBytes:N0} bytes are accepted here.", problem.Detail);
        await StillServingAsync(before);
    }

    [Fact]
    public async Task Json_nested_thousands_deep_is_refused_with_the_depth()
    {
        var before = await RowCountsAsync();
        var deep = "{\"title\":\"Deep\",\"text\":\"x\",\"extra\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        var problem = await ProblemAsync(await desk.Editor.PostAsync("/api/articles", Json(deep)), HttpStatusCode.BadRequest);
        Mentions(problem, "depth", StringComparison.OrdinalIgnoreCase);
        await StillServingAsync(before);
    }

    [Theory]
    [InlineData("{\"title\":\"Cut short\",\"text\":\"The deficit reached", "end of data")]
    [InlineData("{\"title\":'single quotes',\"text\":\"x\"}", "invalid")]
    [InlineData("[1, 2, 3]", "could not be converted")]
    [InlineData("{\"title\":\"Budget\",\"text\":\"x\",\"publishedAt\":\"yesterday\"}", "publishedAt")]
    public async Task Malformed_json_is_refused_with_where_it_broke(string json, string expected)
    {
        var before = await RowCountsAsync();
        var problem = await ProblemAsync(await desk.Editor.PostAsync("/api/articles", Json(json)), HttpStatusCode.BadRequest);
        Mentions(problem, expected, StringComparison.OrdinalIgnoreCase);
        await StillServingAsync(before);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_refused()
    {
        var before = await RowCountsAsync();
        byte[] body = [.. "{\"title\":\"Budget\",\"text\":\"The deficit "u8, 0xC3, 0x28, 0xFF, .. " reached 40 billion.\"}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var problem = await ProblemAsync(await desk.Editor.PostAsync("/api/articles", content), HttpStatusCode.BadRequest);
        Mentions(problem, "Unable to translate bytes [C3] at index 12", StringComparison.Ordinal);
        await StillServingAsync(before);
    }

    /// <summary>Every kind of text a client can write, with a character no reader wants: refused, saying which and where.</summary>
    public static TheoryData<string, string> ControlCharacterWrites() => new()
    {
        { "article text", "\u0000" },
        { "article title", "\u0000" },
        { "article outlet", "\u001B[31m" },
        { "article author", "\u0007" },
        { "source title", "\u0000" },
        { "source excerpt", "\u0008" },
        { "verdict rationale", "\u0000" },
        { "dismissal reason", "\u0000" },
        { "user name", "\u0000" },
        { "API key name", "\u0000" },
        { "webhook name", "\u0000" },
    };

    [Theory]
    [MemberData(nameof(ControlCharacterWrites))]
    public async Task A_control_character_in_any_text_is_refused_with_where_it_is_and_nothing_is_saved(string field, string character)
    {
        var before = await RowCountsAsync();
        var text = $"Forty billion{character} dollars";
        var claim = desk.Claim(1).Id;
        var response = field switch
        {
            "article text" => await desk.Editor.PostAsJsonAsync("/api/articles", new { title = "Budget", text }),
            "article title" => await desk.Editor.PostAsJsonAsync("/api/articles", new { title = text, text = "The deficit reached 40 billion dollars." }),
            "article outlet" => await desk.Editor.PostAsJsonAsync("/api/articles", new { title = "Budget", text = "The deficit reached 40 billion dollars.", outlet = text }),
            "article author" => await desk.Editor.PostAsJsonAsync("/api/articles", new { title = "Budget", text = "The deficit reached 40 billion dollars.", author = text }),
            "source title" => await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim}/sources", new { url = "https://example.org/report", title = text, stance = "Supports" }),
            "source excerpt" => await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim}/sources", new { url = "https://example.org/report", excerpt = text, stance = "Supports" }),
            "verdict rationale" => await desk.Reviewer.PostAsJsonAsync($"/api/claims/{claim}/verdict", new { rating = "False", rationale = text }),
            "dismissal reason" => await desk.Editor.PostAsJsonAsync($"/api/claims/{claim}/dismiss", new { reason = text }),
            "user name" => await desk.Admin.PostAsJsonAsync("/api/admin/users", new { email = "nul@newsroom.test", displayName = text, password = FactCheckApp.Password, roles = new[] { "Reviewer" } }),
            "API key name" => await desk.Admin.PostAsJsonAsync("/api/admin/api-keys", new { name = text, role = "Editor" }),
            "webhook name" => await desk.Admin.PostAsJsonAsync("/api/admin/webhooks", new { name = text, url = "https://example.org/hook", events = new[] { "claim-queued" } }),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
        };

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"control character (U+{(int)character[0]:X4}) at position 13", body, StringComparison.Ordinal);
        await StillServingAsync(before);
    }

    [Fact]
    public async Task A_lone_surrogate_is_refused_as_not_unicode()
    {
        var before = await RowCountsAsync();
        var problem = await ProblemAsync(
            await desk.Editor.PostAsync("/api/articles", Json("{\"title\":\"Budget \\ud800\",\"text\":\"The deficit reached 40 billion dollars.\"}")), HttpStatusCode.BadRequest);
        Mentions(problem, "UTF-16", StringComparison.OrdinalIgnoreCase);
        await StillServingAsync(before);
    }

    [Fact]
    public async Task A_100000_sentence_article_is_refused_with_the_limit()
    {
        var before = await RowCountsAsync();
        var text = string.Concat(Enumerable.Repeat("Tax rose. ", 100_000));
        var response = await desk.Editor.PostAsJsonAsync("/api/articles", new { title = "Flood", text });
        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([$"The article text has {text.Length:N0} characters; at most {Article.MaxTextLength:N0} are accepted."], problem!.Errors["text"]);
        await StillServingAsync(before);
    }

    [Fact]
    public async Task An_article_with_more_check_worthy_sentences_than_the_cap_keeps_the_most_check_worthy_and_says_how_many_were_left_out()
    {
        // Eighty different figures, each a check-worthy sentence.
        var text = string.Concat(Enumerable.Range(1, 80).Select(i => $"In {1940 + i}, the city spent {i * 7} million dollars on {i + 2} new bridges, the mayor said. "));
        using var model = CheckWorthinessModel.LoadShipped();
        var found = new ClaimDetector(model).Detect(text);
        Assert.True(found.Count > HostileDesk.MaxClaims, $"the detector finds {found.Count} claims");

        var article = await AssignedArticle.SubmitAsync(desk.Editor, new { title = "Eighty bridges", text });

        Assert.Equal(HostileDesk.MaxClaims, article.Claims.Count);
        Assert.Equal(found.Count - HostileDesk.MaxClaims, article.ClaimsLeftOut);
        var mostCheckWorthy = found.OrderByDescending(c => c.Score).Take(HostileDesk.MaxClaims).Select(c => c.Text).Order(StringComparer.Ordinal);
        Assert.Equal(mostCheckWorthy, article.Claims.Select(c => c.Text).Order(StringComparer.Ordinal));
    }

    private static void Mentions(ProblemDetails problem, string expected, StringComparison comparison) =>
        Assert.True(problem.Detail?.Contains(expected, comparison) == true, $"'{expected}' not in: {problem.Detail}");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemDetails>(body, ClaimWorkflowScenario.Json)!;
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail), $"no detail: {body}");
        return problem;
    }

    /// <summary>Rows in every table a request could have written to.</summary>
    private Task<string> RowCountsAsync() => desk.App.WithDbAsync(async db =>
        $"articles {await db.Articles.CountAsync()}, claims {await db.Claims.CountAsync()}, events {await db.ClaimEvents.CountAsync()}, "
        + $"sources {await db.Sources.CountAsync()}, verdicts {await db.Verdicts.CountAsync()}, users {await db.Users.CountAsync()}, "
        + $"API keys {await db.ApiKeys.CountAsync()}, webhooks {await db.WebhookSubscriptions.CountAsync()}, outbox {await db.Outbox.CountAsync()}");

    /// <summary>Nothing of the refused request was stored, and the service still answers.</summary>
    private async Task StillServingAsync(string before)
    {
        Assert.Equal(before, await RowCountsAsync());
        Assert.Equal(HttpStatusCode.OK, (await desk.Editor.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.Editor.GetAsync($"/api/claims/{desk.Claim(0).Id}")).StatusCode);
    }
}
