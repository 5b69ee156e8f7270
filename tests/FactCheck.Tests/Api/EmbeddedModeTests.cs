using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Api;

/// <summary>The README's first command: demo newsroom, sample article assigned within seconds, admin-only dashboard.</summary>
public sealed class EmbeddedModeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string DemoPassword = "FactCheck-demo-2026";
    private readonly Stopwatch _sinceStart = new();
    private readonly FactCheckApp _app = new(TestStack.Embedded(), new Dictionary<string, string?> { ["FactCheck:Demo:Seed"] = "true" });

    public ValueTask InitializeAsync()
    {
        _sinceStart.Start();
        _ = _app.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<HttpClient> SignIn(string email)
    {
        var client = _app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, DemoPassword));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<AccessTokenResponse>())!.AccessToken);
        return client;
    }

    [Fact]
    public async Task The_sample_article_is_ingested_and_every_claim_assigned_to_a_demo_reviewer_within_seconds()
    {
        using var editor = await SignIn("editor@factcheck.local");
        var article = await AssignedArticle.WaitAsync(
            editor, "/api/articles/0195f0c0-0000-7000-8000-00000000a001", "the sample article's claims to be assigned", TimeSpan.FromSeconds(30));
        output.WriteLine($"embedded start-up to {article.Claims.Count} claims assigned: {_sinceStart.ElapsedMilliseconds} ms");

        Assert.Equal(SampleArticle.Text, article.Text);
        using var reviewer = await SignIn("reviewer@factcheck.local");
        var mine = await reviewer.GetFromJsonAsync<ResultPage<ClaimSummary>>("/api/claims?assignee=me&pageSize=200", ClaimWorkflowScenario.Json);
        Assert.NotEmpty(mine!.Items);
        Assert.All(mine.Items, c => Assert.Equal(ClaimStatus.Assigned, c.Status));
    }

    [Fact]
    public async Task Every_demo_role_can_sign_in_and_has_its_role()
    {
        foreach (var (email, role) in new[] { ("admin@factcheck.local", "Admin"), ("editor@factcheck.local", "Editor"), ("reviewer@factcheck.local", "Reviewer") })
        {
            using var client = await SignIn(email);
            var me = await client.GetFromJsonAsync<MeResponse>("/api/auth/me");
            Assert.Equal([role], me!.Roles);
        }

        using var anonymous = _app.CreateClient();
        var wrong = await anonymous.PostAsJsonAsync("/api/auth/login", new LoginRequest("editor@factcheck.local", "not-the-password"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task The_hangfire_dashboard_is_for_admins_only()
    {
        // A browser is sent to the sign-in page and back; an API client with a token gets status codes.
        using var anonymous = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redirect = await anonymous.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fhangfire", redirect.Headers.Location?.PathAndQuery);

        using var reviewer = await SignIn("reviewer@factcheck.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/hangfire")).StatusCode);

        using var admin = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await admin.PostAsJsonAsync("/api/auth/login?useCookies=true", new LoginRequest("admin@factcheck.local", DemoPassword));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var dashboard = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Hangfire Dashboard", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_to_signed_in_users()
    {
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);

        using var editor = await SignIn("editor@factcheck.local");
        var document = await editor.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/articles", "/api/claims/next", "/api/claims/{id}/verdict/approve", "/api/claims/{id}/claimreview" })
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
    }
}
