using System.Net;
using System.Net.Http.Json;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow.Integrations;

namespace FactCheck.Tests.Integrations;

/// <summary>An embedded newsroom with a job server (deliveries are Hangfire jobs), short retry delays, and a local receiver.</summary>
public sealed class WebhookNewsroom : IAsyncLifetime
{
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)];

    /// <summary>Hangfire keeps a delayed job's due time in whole seconds, so it may run up to a second early.</summary>
    public static readonly TimeSpan ScheduleResolution = TimeSpan.FromSeconds(1);

    public FactCheckApp App { get; } = new(TestStack.Embedded(), new Dictionary<string, string?>
    {
        ["FactCheck:Webhooks:AllowPrivateNetworks"] = "true",
        ["FactCheck:Webhooks:Timeout"] = "00:00:02",
        ["FactCheck:Webhooks:RetryDelays:0"] = RetryDelays[0].ToString(),
        ["FactCheck:Webhooks:RetryDelays:1"] = RetryDelays[1].ToString(),
        ["FactCheck:Workflow:DelayedJobPolling"] = "00:00:00.500",
    });

    public WebhookReceiver Receiver { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Editor { get; private set; } = null!;
    public HttpClient Reviewer { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        await App.CreateUserAsync("rita@newsroom.test", "Rita Reviewer", ["Reviewer"], ["transport"], capacity: 100);
        await App.CreateUserAsync("eddie@newsroom.test", "Eddie Editor", ["Editor"]);
        await App.CreateUserAsync("ada@newsroom.test", "Ada Admin", ["Admin"]);
        Admin = await App.ClientForAsync("ada@newsroom.test");
        Editor = await App.ClientForAsync("eddie@newsroom.test");
        Reviewer = await App.ClientForAsync("rita@newsroom.test");
    }

    public async Task<WebhookWithSecret> SubscribeAsync(string path, string[] events, string? secret = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/admin/webhooks", new { name = $"Receiver {path}", url = Receiver.Url(path), events, secret });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WebhookWithSecret>(ClaimWorkflowScenario.Json))!;
    }

    public async Task<List<WebhookDeliveryResponse>> DeliveriesAsync(Guid subscriptionId) =>
        (await Admin.GetFromJsonAsync<List<WebhookDeliveryResponse>>($"/api/admin/webhooks/{subscriptionId}/deliveries?take=200", ClaimWorkflowScenario.Json))!;

    /// <summary>Submits a short article and waits until its claims are with the reviewer.</summary>
    public Task<ArticleResponse> SubmitAsync(string title) =>
        AssignedArticle.SubmitAsync(Editor, new
        {
            title, beat = "transport",
            text = "The council approved 12 new bus routes in 2024, the mayor said. Ridership rose 40 percent last year, according to the transit authority.",
        }, $"the claims of '{title}' to be assigned");

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Admin, Editor, Reviewer })
            client?.Dispose();
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
