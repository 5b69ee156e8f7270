using System.Globalization;

namespace FactCheck.Benchmarks;

internal sealed record PipelineOptions
{
    private const string Usage =
        "usage: pipeline [--claims 10000] [--embedded] [--articles N] [--reviewers N] [--capacity 500] [--editors 4] " +
        "[--assign-timeout 600] [--review-seconds 240] [--raw-messages 20000] [--postgres CONNECTION] [--rabbitmq URI]";

    public int Claims { get; init; } = 10_000;
    public bool Embedded { get; init; }
    public int? Articles { get; init; }
    public int? Reviewers { get; init; }
    /// <summary>The most the admin API allows a reviewer.</summary>
    public int Capacity { get; init; } = 500;
    public int Editors { get; init; } = 4;
    public TimeSpan AssignTimeout { get; init; } = TimeSpan.FromMinutes(10);
    public TimeSpan ReviewTime { get; init; } = TimeSpan.FromMinutes(4);
    public int RawMessages { get; init; } = 20_000;
    public string Postgres { get; init; } = "Host=127.0.0.1;Username=postgres;Password=postgres";
    public Uri RabbitMq { get; init; } = new("amqp://guest:guest@127.0.0.1:5672/");

    public static PipelineOptions Parse(string[] args)
    {
        var options = new PipelineOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--claims" => options with { Claims = Number() },
                "--embedded" => options with { Embedded = true },
                "--articles" => options with { Articles = Number() },
                "--reviewers" => options with { Reviewers = Number() },
                "--capacity" => options with { Capacity = Number() },
                "--editors" => options with { Editors = Number() },
                "--assign-timeout" => options with { AssignTimeout = TimeSpan.FromSeconds(Number()) },
                "--review-seconds" => options with { ReviewTime = TimeSpan.FromSeconds(Number()) },
                "--raw-messages" => options with { RawMessages = Number() },
                "--postgres" => options with { Postgres = Value() },
                "--rabbitmq" => options with { RabbitMq = new Uri(Value()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. {Usage}"),
            };
        }

        return options;
    }
}
