using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Web.Demo;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Messaging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace FactCheck.Tests.Hostile;

/// <summary>
/// Hostile input where only the real services tell: articles from other systems over RabbitMQ, text
/// PostgreSQL cannot hold, and the demo newsroom on a production stack.
/// </summary>
[Trait("Category", "RealServices")]
public sealed class HostileMessageTests : IAsyncLifetime
{
    private FactCheckApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        // Asking for the demo newsroom on real services must not create it.
        _app = new FactCheckApp(await TestStack.RealAsync(), new Dictionary<string, string?> { ["FactCheck:Demo:Seed"] = "true" });
        await _app.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        await _app.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], capacity: 100);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [Fact]
    public async Task Articles_from_the_queue_with_a_nul_or_megabytes_of_text_go_to_the_error_queue_with_the_reason_and_the_next_one_is_processed()
    {
        _ = _app.Server;
        var withNul = Guid.NewGuid();
        var enormous = Guid.NewGuid();
        var fine = Guid.NewGuid();
        await using (var connection = await new ConnectionFactory { Uri = new Uri(_app.Stack.RabbitMq!) }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync("factcheck.submit-article.v1", ExchangeType.Fanout, durable: true);
            foreach (var (id, text) in new[]
            {
                (withNul, "The deficit reached\u0000 40 billion dollars in 2024."),
                (enormous, new string('a', 5 * 1024 * 1024)),
                (fine, "The deficit reached 40 billion dollars in 2024, the finance minister said."),
            })
            {
                var properties = new BasicProperties { ContentType = "application/json", MessageId = id.ToString() };
                await channel.BasicPublishAsync("factcheck.submit-article.v1", "", false, properties, JsonSerializer.SerializeToUtf8Bytes(new { articleId = id, title = "From the CMS", text }));
            }
        }

        var queues = _app.Services.GetRequiredService<ErrorQueues>();
        var failed = await Eventually.Until(() => queues.ListAsync(CancellationToken.None), f => f.Count == 2, TimeSpan.FromSeconds(60), "both refused articles in the error queue");
        Assert.All(failed, f => Assert.Equal("submit-article_error", f.ErrorQueue));
        Assert.Contains("control character (U+0000) at position 19", failed.Single(f => f.MessageId == withNul.ToString()).Reason, StringComparison.Ordinal);
        Assert.Contains($"at most {Article.MaxTextLength:N0}", failed.Single(f => f.MessageId == enormous.ToString()).Reason, StringComparison.Ordinal);

        await Eventually.Until(() => _app.WithDbAsync(db => db.Claims.CountAsync(c => c.ArticleId == fine)), n => n > 0, TimeSpan.FromSeconds(60), "the next article's claims");
        Assert.Equal(0, await _app.WithDbAsync(db => db.Articles.CountAsync(a => a.Id == withNul || a.Id == enormous)));
    }

    [Theory]
    [InlineData("beat")]
    [InlineData("assignee")]
    public async Task A_nul_in_a_filter_is_a_bad_request_not_a_server_error(string parameter)
    {
        using var editor = await _app.ClientForAsync("eddie@newsroom.test");
        var response = await editor.GetAsync($"/api/claims?{parameter}=politics%00");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        var problem = JsonSerializer.Deserialize<ProblemDetails>(body, ClaimWorkflowScenario.Json)!;
        Assert.Contains("NUL", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/claims?beat=politics")).StatusCode);
    }

    [Fact]
    public async Task The_demo_newsroom_is_not_created_on_real_services_even_when_asked_for()
    {
        using var client = _app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest("admin@factcheck.local", IdentitySeeder.DemoPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@factcheck.local"))));
        Assert.Equal(0, await _app.WithDbAsync(db => db.Articles.CountAsync(a => a.Id == IdentitySeeder.SampleArticleId)));
    }
}
