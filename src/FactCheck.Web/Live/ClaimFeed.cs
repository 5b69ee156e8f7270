using FactCheck.Contracts;
using MassTransit;

namespace FactCheck.Web.Live;

/// <summary>Something happened to a claim (or, with no claim id, to an article's claims).</summary>
public sealed record ClaimChange(Guid? ClaimId, Guid ArticleId, string? Status);

/// <summary>
/// This instance's stream of claim changes, fed from the bus, so open pages can refresh without a
/// reload whoever made the change (another user, a worker, an API client).
/// </summary>
public sealed class ClaimFeed
{
    public event Action<ClaimChange>? Changed;

    public void Publish(ClaimChange change) => Changed?.Invoke(change);

    /// <summary>
    /// Calls <paramref name="refresh"/> after changes that <paramref name="matters"/>; a burst of
    /// changes (an article's claims being queued at once) gives one refresh, not one each.
    /// </summary>
    public IDisposable Subscribe(Func<ClaimChange, bool> matters, Func<Task> refresh) => new Subscription(this, matters, refresh);

    private sealed class Subscription : IDisposable
    {
        private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(100);
        private readonly ClaimFeed _feed;
        private readonly Func<ClaimChange, bool> _matters;
        private readonly Func<Task> _refresh;
        private int _pending;

        public Subscription(ClaimFeed feed, Func<ClaimChange, bool> matters, Func<Task> refresh)
        {
            _feed = feed;
            _matters = matters;
            _refresh = refresh;
            feed.Changed += OnChanged;
        }

        public void Dispose() => _feed.Changed -= OnChanged;

        private void OnChanged(ClaimChange change)
        {
            if (!_matters(change) || Interlocked.Exchange(ref _pending, 1) == 1)
                return;
            _ = Task.Run(async () =>
            {
                await Task.Delay(Coalesce);
                Volatile.Write(ref _pending, 0);
                await _refresh();
            });
        }
    }
}

/// <summary>
/// Feeds <see cref="ClaimFeed"/>. Each web instance has its own temporary queue, so every instance
/// sees every change (a competing consumer would show each change to one instance only).
/// </summary>
public sealed class ClaimFeedConsumer(ClaimFeed feed) :
    IConsumer<ClaimStatusChanged>,
    IConsumer<ClaimsExtracted>,
    IConsumer<SourceAttached>
{
    public Task Consume(ConsumeContext<ClaimStatusChanged> context)
    {
        feed.Publish(new ClaimChange(context.Message.ClaimId, context.Message.ArticleId, context.Message.To));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<ClaimsExtracted> context)
    {
        feed.Publish(new ClaimChange(null, context.Message.ArticleId, null));
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<SourceAttached> context)
    {
        feed.Publish(new ClaimChange(context.Message.ClaimId, Guid.Empty, null));
        return Task.CompletedTask;
    }
}
