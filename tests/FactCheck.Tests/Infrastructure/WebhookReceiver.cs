using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 that records every POST. <see cref="Answer"/> decides the
/// status by request number (1-based) per path (a 3xx points to <c>/redirect-target</c>);
/// <see cref="Hang"/> makes it never answer.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public Func<string, int, int> Answer { get; set; } = (_, _) => StatusCodes.Status200OK;

    /// <summary>Paths that never answer (until the receiver stops).</summary>
    public HashSet<string> Hang { get; } = [];

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public IReadOnlyList<ReceivedWebhook> At(string path) => [.. _received.Where(r => r.Path == path)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    public string Url(string path) => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + path;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var number = _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (Hang.Contains(path))
        {
            _received.Enqueue(new ReceivedWebhook(number, DateTime.UtcNow, path, HeadersOf(context), body.ToArray(), 0));
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        var status = Answer(path, number);
        _received.Enqueue(new ReceivedWebhook(number, DateTime.UtcNow, path, HeadersOf(context), body.ToArray(), status));
        context.Response.StatusCode = status;
        if (status is >= 300 and < 400)
            context.Response.Headers.Location = "/redirect-target";
        if (status >= 400)
            await context.Response.WriteAsync($"receiver refused request {number}", context.RequestAborted);
    }

    private static Dictionary<string, string> HeadersOf(HttpContext context) =>
        context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
