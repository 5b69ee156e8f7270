using System.Security.Cryptography;
using FactCheck.Workflow.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactCheck.Workflow.Sources;

/// <summary>
/// Checks that a source's URL is alive and records its status and a SHA-256 of its content, so a
/// later change to the page can be noticed. Network failures and 5xx are retried by Hangfire with
/// growing delays; a 4xx is an answer, not a failure.
/// </summary>
public sealed class LinkCheckJob(
    FactCheckDbContext db,
    IHttpClientFactory http,
    IBackgroundJobClient jobs,
    IOptions<LinkCheckOptions> options,
    TimeProvider time,
    ILogger<LinkCheckJob> logger)
{
    public const string HttpClientName = "link-check";

    /// <summary>
    /// Queues a check of every source not checked yet. Run when a job server starts on storage that
    /// died with the last process (in memory): the checks queued there were lost with it.
    /// </summary>
    /// <returns>The sources queued.</returns>
    public async Task<IReadOnlyList<Guid>> ResumeAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
            return [];
        var pending = await db.Sources.AsNoTracking()
            .Where(s => s.LinkStatus == LinkStatus.Unchecked)
            .OrderBy(s => s.AddedAt)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in pending)
            jobs.Enqueue<LinkCheckJob>(job => job.CheckAsync(id, CancellationToken.None));
        if (pending.Count > 0)
            logger.LogInformation("Queued link checks of {Count} sources not checked before the last stop", pending.Count);
        return pending;
    }

    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 120, 600, 1800, 3600])]
    public async Task CheckAsync(Guid sourceId, CancellationToken cancellationToken)
    {
        var source = await db.Sources.FirstOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
        if (source is null)
            return;

        var uri = new Uri(source.Url);
        Exception? failure = null;
        try
        {
            // A link or redirect to a private address is refused at connect time (ConnectToPublicAddressAsync).
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await http.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            string? hash = null;
            if (response.IsSuccessStatusCode)
            {
                await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(new BoundedStream(body, options.Value.MaxBytes), timeout.Token));
            }

            source.RecordLinkCheck(response.IsSuccessStatusCode ? LinkStatus.Alive : LinkStatus.Dead, status, hash, null, Now);
            if (status >= 500)
                failure = new HttpRequestException($"{uri.Host} answered {status}");
        }
        catch (HttpRequestException ex) when (ex.InnerException is PrivateAddressException)
        {
            source.RecordLinkCheck(LinkStatus.Refused, null, null, ex.InnerException.Message, Now);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            source.RecordLinkCheck(LinkStatus.Dead, null, null, ex.Message, Now);
            failure = ex;
        }

        // The reviewer may have changed the URL while we were fetching: this result is not about it.
        var currentUrl = await db.Sources.AsNoTracking().Where(s => s.Id == sourceId).Select(s => s.Url).FirstOrDefaultAsync(cancellationToken);
        if (currentUrl != source.Url)
        {
            logger.LogInformation("Source {SourceId} changed its URL during the check; the result for {Url} is dropped", sourceId, source.Url);
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (failure is not null)
        {
            logger.LogInformation("Link check of source {SourceId} failed ({Error}); Hangfire retries it later", sourceId, failure.Message);
            throw new InvalidOperationException($"Link check of {uri} failed: {failure.Message}", failure);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Stops reading after a limit, so a huge page cannot exhaust memory or time.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, limit - _read)]);
            _read += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - _read)], cancellationToken);
            _read += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
