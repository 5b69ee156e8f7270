using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FactCheck.Contracts;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using FactCheck.Workflow;
using FactCheck.Workflow.Integrations;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FactCheck.Tests.Integrations;

/// <summary>Webhook subscriptions: signed deliveries, Hangfire retries with back-off, the delivery log, and a workflow no endpoint can stall.</summary>
public sealed class WebhookTests(WebhookNewsroom newsroom) : IClassFixture<WebhookNewsroom>
{
    private static string Hmac(string secret, byte[] body) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public void The_signature_is_hmac_sha256_of_the_body_in_lower_case_hex()
    {
        // RFC 4231, test case 2.
        Assert.Equal(
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookSignature.Sign("Jefe", "what do ya want for nothing?"u8));
    }

    [Fact]
    public async Task A_subscriber_receives_each_chosen_event_once_signed_with_its_secret_and_logged()
    {
        const string secret = "s3cret-shared-with-the-cms";
        var hook = await newsroom.SubscribeAsync("/cms", ["claim-status-changed", "verdict-published"], secret);
        Assert.Equal("…" + secret[^4..], hook.Webhook.SecretHint);
        Assert.Equal(secret, hook.Secret);

        var article = await newsroom.SubmitAsync("Bus routes");
        var claim = article.Claims[0];
        Assert.Equal(HttpStatusCode.Created, (await newsroom.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/sources",
            new { url = "https://example.org/council-minutes", title = "Council minutes", stance = "Supports" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newsroom.Reviewer.PostAsJsonAsync($"/api/claims/{claim.Id}/verdict",
            new { rating = "True", rationale = "The minutes list 12 new routes." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newsroom.Editor.PostAsJsonAsync($"/api/claims/{claim.Id}/verdict/approve", new { comment = "Fine." })).StatusCode);

        // New>Queued, Queued>Assigned for every claim; Assigned>InProgress>VerdictProposed>Published for one, and its verdict.
        var expected = article.Claims.Count * 2 + 3 + 1;
        var received = await Eventually.Until(() => Task.FromResult(newsroom.Receiver.At("/cms")), r => r.Count >= expected, what: $"{expected} deliveries at /cms");
        await Task.Delay(500); // nothing more is coming
        received = newsroom.Receiver.At("/cms");
        Assert.Equal(expected, received.Count);

        foreach (var request in received)
        {
            Assert.Equal("sha256=" + Hmac(secret, request.Body), request.Header(WebhookSignature.Header));
            Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
            using var json = JsonDocument.Parse(request.Body);
            var root = json.RootElement;
            Assert.Equal(request.Header(WebhookSender.EventHeader), root.GetProperty("event").GetString());
            Assert.Equal(1, root.GetProperty("version").GetInt32());
            Assert.Contains(root.GetProperty("event").GetString(), new[] { "claim-status-changed", "verdict-published" });
        }

        Assert.Equal(received.Count, received.Select(r => r.Header(WebhookSender.DeliveryHeader)).Distinct().Count());
        Assert.Equal(received.Count, received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("eventId").GetGuid()).Distinct().Count());
        var published = JsonDocument.Parse(Assert.Single(received, r => r.Header(WebhookSender.EventHeader) == "verdict-published").Body).RootElement.GetProperty("data");
        Assert.Equal(claim.Id, published.GetProperty("claimId").GetGuid());
        Assert.Equal("True", published.GetProperty("rating").GetString());
        var toPublished = received.Select(r => JsonDocument.Parse(r.Body).RootElement).Single(e => e.GetProperty("event").GetString() == "claim-status-changed" && e.GetProperty("data").GetProperty("to").GetString() == "Published");
        Assert.Equal(claim.Id, toPublished.GetProperty("data").GetProperty("claimId").GetGuid());

        var log = await newsroom.DeliveriesAsync(hook.Webhook.Id);
        Assert.Equal(expected, log.Count);
        Assert.All(log, d =>
        {
            Assert.Equal(DeliveryState.Delivered, d.State);
            Assert.Equal(200, Assert.Single(d.Attempts).StatusCode);
            Assert.Contains(received, r => r.Header(WebhookSender.DeliveryHeader) == d.Id.ToString() && Encoding.UTF8.GetString(r.Body) == d.Payload);
        });

        // Delivered is final: a second send is refused with the reason.
        var again = await newsroom.Admin.PostAsync($"/api/admin/webhooks/{hook.Webhook.Id}/deliveries/{log[0].Id}/redeliver", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await Delete(hook);
    }

    [Fact]
    public async Task A_failing_endpoint_is_retried_with_the_configured_back_off_until_it_answers_with_the_same_signed_bytes()
    {
        newsroom.Receiver.Answer = (path, n) => path == "/flaky" && n <= 2 ? (n == 1 ? 500 : 503) : 200;
        var hook = await newsroom.SubscribeAsync("/flaky", ["claim-queued"]);
        Assert.StartsWith(WebhookSubscription.SecretPrefix, hook.Secret, StringComparison.Ordinal);

        var ping = await newsroom.Admin.PostAsync($"/api/admin/webhooks/{hook.Webhook.Id}/ping", null);
        Assert.Equal(HttpStatusCode.Accepted, ping.StatusCode);
        var delivery = (await ping.Content.ReadFromJsonAsync<WebhookDeliveryResponse>(ClaimWorkflowScenario.Json))!;

        var log = await Eventually.Until(
            async () => (await newsroom.DeliveriesAsync(hook.Webhook.Id)).Single(d => d.Id == delivery.Id),
            d => d.State == DeliveryState.Delivered, what: "the ping to be delivered on the third attempt");
        Assert.Equal([500, 503, 200], log.Attempts.Select(a => a.StatusCode ?? 0));
        Assert.Contains("receiver refused request 1", log.Attempts[0].Error, StringComparison.Ordinal);
        Assert.Null(log.Attempts[2].Error);
        // Back-off: each wait is the configured delay (to Hangfire's resolution of a second).
        Assert.True(log.Attempts[1].At - log.Attempts[0].At >= WebhookNewsroom.RetryDelays[0] - WebhookNewsroom.ScheduleResolution, $"{log.Attempts[1].At:O} after {log.Attempts[0].At:O}");
        Assert.True(log.Attempts[2].At - log.Attempts[1].At >= WebhookNewsroom.RetryDelays[1] - WebhookNewsroom.ScheduleResolution, $"{log.Attempts[2].At:O} after {log.Attempts[1].At:O}");

        var received = newsroom.Receiver.At("/flaky");
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => Convert.ToHexString(r.Body)).Distinct());
        Assert.All(received, r => Assert.Equal("sha256=" + Hmac(hook.Secret, r.Body), r.Header(WebhookSignature.Header)));
        Assert.All(received, r => Assert.Equal("ping", r.Header(WebhookSender.EventHeader)));
        await Delete(hook);
    }

    [Fact]
    public async Task Endpoints_that_hang_or_fail_never_hold_up_the_workflow_and_a_given_up_delivery_can_be_sent_again()
    {
        newsroom.Receiver.Hang.Add("/hangs");
        var broken = true;
        newsroom.Receiver.Answer = (path, _) => path == "/down" && broken ? 500 : 200;
        var hangs = await newsroom.SubscribeAsync("/hangs", ["claim-assigned"]);
        var down = await newsroom.SubscribeAsync("/down", ["claim-assigned"]);
        var healthy = await newsroom.SubscribeAsync("/healthy", ["claim-assigned"]);

        // The claims move on (SubmitAsync waits for them to be assigned) and the healthy endpoint hears of each.
        var article = await newsroom.SubmitAsync("Ridership");
        var ids = article.Claims.Select(c => c.Id).ToHashSet();

        // While an attempt hangs, asking for another is refused: one attempt at a time.
        var hanging = await Eventually.Until(() => Task.FromResult(newsroom.Receiver.At("/hangs")), r => r.Count > 0, what: "an attempt at /hangs");
        var inFlight = await newsroom.Admin.PostAsync($"/api/admin/webhooks/{hangs.Webhook.Id}/deliveries/{hanging[0].Header(WebhookSender.DeliveryHeader)}/redeliver", null);
        Assert.Equal(HttpStatusCode.Conflict, inFlight.StatusCode);
        Assert.Contains("under way", (await inFlight.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        await Eventually.Until(
            () => Task.FromResult(newsroom.Receiver.At("/healthy").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("claimId").GetGuid()).ToHashSet()),
            got => got.IsSupersetOf(ids), what: "the healthy endpoint to get every assignment");

        // Three attempts each (the first and one per retry delay), then given up, each attempt logged with its reason.
        var attempts = WebhookNewsroom.RetryDelays.Length + 1;
        foreach (var (hook, reason) in new[] { (hangs, "No answer within 2 s."), (down, "500 Internal Server Error: receiver refused request") })
        {
            var log = await Eventually.Until(() => newsroom.DeliveriesAsync(hook.Webhook.Id), l => l.Count == ids.Count && l.All(d => d.State == DeliveryState.Failed),
                TimeSpan.FromSeconds(60), $"{hook.Webhook.Name}'s deliveries to be given up");
            Assert.All(log, d =>
            {
                Assert.Equal(attempts, d.Attempts.Count);
                Assert.All(d.Attempts, a => Assert.StartsWith(reason, a.Error, StringComparison.Ordinal));
            });
        }

        var listed = await newsroom.Admin.GetFromJsonAsync<List<WebhookResponse>>("/api/admin/webhooks", ClaimWorkflowScenario.Json);
        Assert.Equal(ids.Count, listed!.Single(h => h.Id == down.Webhook.Id).Failed);
        Assert.Equal(ids.Count, listed!.Single(h => h.Id == healthy.Webhook.Id).Delivered);

        // The endpoint is fixed; the admin sends a failed delivery again and the log keeps every attempt.
        broken = false;
        var failed = (await newsroom.DeliveriesAsync(down.Webhook.Id))[0];
        Assert.Equal(HttpStatusCode.Accepted, (await newsroom.Admin.PostAsync($"/api/admin/webhooks/{down.Webhook.Id}/deliveries/{failed.Id}/redeliver", null)).StatusCode);
        var redelivered = await Eventually.Until(async () => (await newsroom.DeliveriesAsync(down.Webhook.Id)).Single(d => d.Id == failed.Id), d => d.State == DeliveryState.Delivered);
        Assert.Equal(attempts + 1, redelivered.Attempts.Count);
        Assert.Equal(200, redelivered.Attempts[^1].StatusCode);
        foreach (var hook in new[] { hangs, down, healthy })
            await Delete(hook);
    }

    [Fact]
    public async Task A_redelivered_event_makes_one_delivery_per_subscription_and_a_lost_job_is_recovered_by_the_sweep()
    {
        var hook = await newsroom.SubscribeAsync("/once", ["article-received"]);
        var bus = newsroom.App.Services.GetRequiredService<IBus>();
        var eventId = NewId.NextGuid();
        var articleReceived = new ArticleReceived(Guid.NewGuid(), "Twice", null, null, "en", DateTime.UtcNow);
        await bus.Publish(articleReceived, ctx => ctx.MessageId = eventId);
        await bus.Publish(articleReceived, ctx => ctx.MessageId = eventId);
        await Eventually.Until(() => Task.FromResult(newsroom.Receiver.At("/once").Count), n => n >= 1, what: "the event at /once");
        await Task.Delay(1000);
        Assert.Single(newsroom.Receiver.At("/once"));
        Assert.Single(await newsroom.DeliveriesAsync(hook.Webhook.Id));

        // A second job for a delivery whose next attempt is not yet due (a duplicate) does nothing.
        var waiting = new WebhookDelivery(hook.Webhook.Id, Guid.NewGuid(), "article-received", """{"waiting":true}""", DateTime.UtcNow);
        waiting.Record(new WebhookAttempt(1, DateTime.UtcNow, 500, "earlier failure", TimeSpan.Zero), TimeSpan.FromHours(1));
        await newsroom.App.WithDbAsync(db => { db.WebhookDeliveries.Add(waiting); return db.SaveChangesAsync(); });
        await newsroom.App.WithScopeAsync(services => services.GetRequiredService<WebhookSender>().DeliverAsync(waiting.Id, CancellationToken.None));
        Assert.Single(newsroom.Receiver.At("/once"));
        Assert.Single(await newsroom.App.WithDbAsync(db => db.WebhookDeliveries.Where(d => d.Id == waiting.Id).SelectMany(d => d.Attempts).ToListAsync()));

        // A delivery saved just before a crash, whose job never reached Hangfire: the sweep sends it.
        var lost = new WebhookDelivery(hook.Webhook.Id, Guid.NewGuid(), "article-received", """{"lost":true}""", DateTime.UtcNow - TimeSpan.FromMinutes(5));
        await newsroom.App.WithDbAsync(db => { db.WebhookDeliveries.Add(lost); return db.SaveChangesAsync(); });
        await newsroom.App.WithScopeAsync(services => services.GetRequiredService<WebhookSender>().SweepAsync(CancellationToken.None));
        var swept = await Eventually.Until(() => Task.FromResult(newsroom.Receiver.At("/once")), r => r.Count == 2, what: "the lost delivery to be swept up");
        Assert.Equal("""{"lost":true}""", Encoding.UTF8.GetString(swept[1].Body));
        await Delete(hook);
    }

    [Fact]
    public async Task Bad_subscriptions_are_refused_with_the_reason_and_store_nothing_and_only_admins_manage_them()
    {
        var url = newsroom.Receiver.Url("/x");
        var cases = new (object Body, string Reason)[]
        {
            (new { name = "ftp", url = "ftp://example.org/hook", events = new[] { "claim-queued" } }, "needs an absolute http or https URL"),
            (new { name = "script", url = "javascript:alert(1)", events = new[] { "claim-queued" } }, "needs an absolute http or https URL"),
            (new { name = "relative", url = "/hooks", events = new[] { "claim-queued" } }, "needs an absolute http or https URL"),
            (new { name = "injected", url = "https://example.org/hook\r\nX-Injected: 1", events = new[] { "claim-queued" } }, "control characters"),
            (new { name = "userinfo", url = "https://user:pass@example.org/hook", events = new[] { "claim-queued" } }, "user name or password"),
            (new { name = "none", url, events = Array.Empty<string>() }, "at least one event"),
            (new { name = "unknown", url, events = new[] { "claim-deleted" } }, "Unknown event(s) 'claim-deleted'"),
            (new { name = "inbound", url, events = new[] { "submit-article" } }, "Unknown event(s) 'submit-article'"),
            (new { name = "short", url, events = new[] { "claim-queued" }, secret = "short" }, "16 to 200 characters"),
            (new { name = " ", url, events = new[] { "claim-queued" } }, "needs a name"),
        };
        var before = await newsroom.App.WithDbAsync(db => db.WebhookSubscriptions.CountAsync());
        foreach (var (body, reason) in cases)
        {
            var response = await newsroom.Admin.PostAsJsonAsync("/api/admin/webhooks", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Contains(reason, problem!.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(before, await newsroom.App.WithDbAsync(db => db.WebhookSubscriptions.CountAsync()));

        // Only admins: editors and reviewers get 403, and the list never shows a secret.
        Assert.Equal(HttpStatusCode.Forbidden, (await newsroom.Editor.GetAsync("/api/admin/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await newsroom.Reviewer.PostAsJsonAsync("/api/admin/webhooks", new { name = "mine", url, events = new[] { "claim-queued" } })).StatusCode);
        var hook = await newsroom.SubscribeAsync("/listed", ["claim-queued"]);
        Assert.DoesNotContain(hook.Secret, await newsroom.Admin.GetStringAsync("/api/admin/webhooks"), StringComparison.Ordinal);
        Assert.Equal(WebhookSubscription.EventNames, await newsroom.Admin.GetFromJsonAsync<List<string>>("/api/admin/webhooks/events"));

        var rotated = await newsroom.Admin.PostAsJsonAsync($"/api/admin/webhooks/{hook.Webhook.Id}/secret", new { secret = (string?)null });
        var newSecret = (await rotated.Content.ReadFromJsonAsync<WebhookWithSecret>(ClaimWorkflowScenario.Json))!.Secret;
        Assert.NotEqual(hook.Secret, newSecret);
        await Delete(hook);
        Assert.Equal(HttpStatusCode.NotFound, (await newsroom.Admin.DeleteAsync($"/api/admin/webhooks/{hook.Webhook.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.0.0.7/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://198.18.0.1/hook")]
    [InlineData("http://224.0.0.1/hook")]
    [InlineData("http://[64:ff9b::a00:1]/hook")] // NAT64 of 10.0.0.1
    [InlineData("http://[2002:c0a8:101::1]/hook")] // 6to4 of 192.168.1.1
    public void Endpoints_on_private_networks_are_refused_unless_allowed(string url)
    {
        var refused = Assert.Throws<WorkflowException>(() => WebhookSubscription.Create("intranet", url, ["claim-queued"], null, allowPrivateNetworks: false, "admin", DateTime.UtcNow));
        Assert.Contains("private or local network", refused.Message, StringComparison.Ordinal);
        var (allowed, _) = WebhookSubscription.Create("intranet", url, ["claim-queued"], null, allowPrivateNetworks: true, "admin", DateTime.UtcNow);
        Assert.Equal(new Uri(url).AbsoluteUri, allowed.Url);
    }

    [Theory]
    [InlineData("https://93.184.215.14/hook")]
    [InlineData("http://[64:ff9b::808:808]/hook")] // NAT64 of 8.8.8.8
    [InlineData("https://cms.example.org/hooks/factcheck")]
    public void Endpoints_on_public_addresses_are_accepted(string url) =>
        Assert.Equal(new Uri(url).AbsoluteUri, WebhookSubscription.Create("public", url, ["claim-queued"], null, allowPrivateNetworks: false, "admin", DateTime.UtcNow).Subscription.Url);

    [Fact]
    public async Task A_paused_subscription_collects_its_deliveries_and_sends_them_when_resumed()
    {
        var hook = await newsroom.SubscribeAsync("/paused", ["article-received"]);
        Assert.False((await (await newsroom.Admin.PostAsync($"/api/admin/webhooks/{hook.Webhook.Id}/pause", null)).Content.ReadFromJsonAsync<WebhookResponse>())!.Active);
        var bus = newsroom.App.Services.GetRequiredService<IBus>();
        await bus.Publish(new ArticleReceived(Guid.NewGuid(), "While paused", null, null, "en", DateTime.UtcNow));
        await Eventually.Until(() => newsroom.DeliveriesAsync(hook.Webhook.Id), d => d.Count == 1, what: "the held delivery");
        await Task.Delay(1000);
        Assert.Empty(newsroom.Receiver.At("/paused"));
        Assert.Equal(DeliveryState.Pending, (await newsroom.DeliveriesAsync(hook.Webhook.Id)).Single().State);

        // Renaming does not resume it; resuming sends what was held.
        var renamed = await newsroom.Admin.PutAsJsonAsync($"/api/admin/webhooks/{hook.Webhook.Id}", new { name = "Renamed", url = newsroom.Receiver.Url("/paused"), events = new[] { "article-received" } });
        Assert.False((await renamed.Content.ReadFromJsonAsync<WebhookResponse>())!.Active);
        Assert.Equal(HttpStatusCode.OK, (await newsroom.Admin.PostAsync($"/api/admin/webhooks/{hook.Webhook.Id}/resume", null)).StatusCode);
        var sent = await Eventually.Until(() => Task.FromResult(newsroom.Receiver.At("/paused")), r => r.Count == 1, what: "the held delivery to go out on resume");
        Assert.Equal("While paused", JsonDocument.Parse(sent[0].Body).RootElement.GetProperty("data").GetProperty("title").GetString());
        await Delete(hook);
    }

    [Fact]
    public async Task A_redirect_is_a_failed_attempt_and_is_not_followed()
    {
        newsroom.Receiver.Answer = (path, _) => path == "/moved" ? 302 : 200;
        var hook = await newsroom.SubscribeAsync("/moved", ["claim-queued"]);
        Assert.Equal(HttpStatusCode.Accepted, (await newsroom.Admin.PostAsync($"/api/admin/webhooks/{hook.Webhook.Id}/ping", null)).StatusCode);
        var log = await Eventually.Until(() => newsroom.DeliveriesAsync(hook.Webhook.Id), d => d.Count == 1 && d[0].Attempts.Count >= 1, what: "the first attempt at /moved");
        Assert.Equal(302, log[0].Attempts[0].StatusCode);
        Assert.Equal(DeliveryState.Pending, log[0].State);
        Assert.Empty(newsroom.Receiver.At("/redirect-target"));
        await Delete(hook);
    }

    [Fact]
    public async Task The_webhook_client_refuses_to_connect_to_a_private_address_unless_allowed()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["FactCheck:Webhooks:AllowPrivateNetworks"] = "false";
        builder.AddFactCheckWorkflow();
        using var host = builder.Build();
        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookSender.HttpClientName);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(newsroom.Receiver.Url("/guarded"), new StringContent("{}")));
        Assert.IsType<PrivateAddressException>(refused.InnerException);
        Assert.Empty(newsroom.Receiver.At("/guarded"));
    }

    private async Task Delete(WebhookWithSecret hook) =>
        Assert.Equal(HttpStatusCode.NoContent, (await newsroom.Admin.DeleteAsync($"/api/admin/webhooks/{hook.Webhook.Id}")).StatusCode);
}
