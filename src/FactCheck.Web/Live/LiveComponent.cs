using Microsoft.AspNetCore.Components;

namespace FactCheck.Web.Live;

/// <summary>A page that reloads and re-renders when a claim change it cares about arrives.</summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject]
    private ClaimFeed Feed { get; set; } = default!;

    /// <summary>Follow the feed; call before the first load, so leaving mid-load leaves nothing behind.</summary>
    protected void Follow(Func<ClaimChange, bool> matters, Func<Task> reload) =>
        _subscription = Feed.Subscribe(matters, () => InvokeAsync(async () =>
        {
            await reload();
            StateHasChanged();
        }));

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            _subscription?.Dispose();
    }
}
