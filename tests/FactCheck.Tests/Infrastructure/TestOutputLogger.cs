using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace FactCheck.Tests.Infrastructure;

/// <summary>
/// Writes an app's log lines (with their exceptions) to the test's output, so a failing test says why.
/// The app only queues a line; one task of the provider's own writes them. xUnit's output can block
/// its caller for minutes, and an app thread blocked in a log call (the outbox relay, a MassTransit
/// publish) once looked exactly like a stalled service.
/// </summary>
public sealed class TestOutputLoggerProvider : ILoggerProvider
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly LogLevel _minimum;
    private readonly Task _writer;

    public TestOutputLoggerProvider(ITestOutputHelper output, LogLevel minimum = LogLevel.Error)
    {
        _minimum = minimum;
        _writer = Task.Run(async () =>
        {
            await foreach (var line in _lines.Reader.ReadAllAsync())
            {
                try
                {
                    output.WriteLine(line);
                }
                catch (InvalidOperationException)
                {
                    // The test has finished; its output is closed.
                }
            }
        });
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Lets the queued lines reach the output, but never holds up the test's end for long.</summary>
    public void Dispose()
    {
        _lines.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(5));
    }

    private sealed class Logger(TestOutputLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                provider._lines.Writer.TryWrite($"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
        }
    }
}
