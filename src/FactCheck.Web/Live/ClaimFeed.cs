
namespace FactCheck.Web.Live;

/// <summary>
/// This instance's stream of claim changes, fed from the bus, so open pages can refresh without a
/// reload whoever made the change (another user, a worker, an API client).
/// </summary>
public sealed class ClaimFeed(ILogger<ClaimFeed> logger)
{
    public event Action<ClaimChange>? Changed;

    public void Publish(ClaimChange change) => Changed?.Invoke(change);

    /// <summary>
    /// Calls <paramref name="refresh"/> after changes that <paramref name="matters"/>; a burst of
    /// changes (an article's claims being queued at once) gives one refresh, not one each.
    /// </summary>
    public IDisposable Subscribe(Func<ClaimChange, bool> matters, Func<Task> refresh) => new Subscription(this, matters, refresh);

    private void RefreshFailed(Exception ex) => logger.LogWarning(ex, "A page's live refresh failed; the next change refreshes it again");

    /// <summary>
    /// One refresh at a time per page: changes that arrive during a refresh cause one more after it,
    /// so a slow read never lands after (and over) a newer one.
    /// </summary>
    private sealed class Subscription : IDisposable
    {
        private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(100);
        private readonly ClaimFeed _feed;
        private readonly Func<ClaimChange, bool> _matters;
        private readonly Func<Task> _refresh;
        private int _dirty;
        private int _running;
        private volatile bool _disposed;

        public Subscription(ClaimFeed feed, Func<ClaimChange, bool> matters, Func<Task> refresh)
        {
            _feed = feed;
            _matters = matters;
            _refresh = refresh;
            feed.Changed += OnChanged;
        }

        public void Dispose()
        {
            _disposed = true;
            _feed.Changed -= OnChanged;
        }

        private void OnChanged(ClaimChange change)
        {
            if (_disposed || !_matters(change))
                return;
            Volatile.Write(ref _dirty, 1);
            StartIfIdle();
        }

        private void StartIfIdle()
        {
            if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
                _ = Task.Run(RunAsync);
        }

        private async Task RunAsync()
        {
            try
            {
                while (!_disposed && Interlocked.Exchange(ref _dirty, 0) == 1)
                {
                    await Task.Delay(Coalesce);
                    Volatile.Write(ref _dirty, 0);
                    await _refresh();
                }
            }
#pragma warning disable CA1031 // A failed refresh (a page gone mid-read) must not stop the next one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _feed.RefreshFailed(ex);
            }
            finally
            {
                Volatile.Write(ref _running, 0);
            }

            // A change that slipped in after the loop's last look.
            if (!_disposed && Volatile.Read(ref _dirty) == 1)
                StartIfIdle();
        }
    }
}
