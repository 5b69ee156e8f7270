using FactCheck.Detection;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Jobs;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using FactCheck.Workflow.Publishing;
using FactCheck.Workflow.Sources;
using FactCheck.Workflow.Verdicts;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FactCheck.Workflow;

/// <summary>Wires the workflow into a host: the web app (embedded mode) and the headless worker share it.</summary>
public static class WorkflowHosting
{
    public const string Section = "FactCheck";

    /// <param name="configureBus">Adds a host's own consumers (the web app's live updates) to the bus.</param>
    public static IHostApplicationBuilder AddFactCheckWorkflow(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var database = Bind<DatabaseOptions>(config, "Database");
        database.ConnectionString = Database.WithPoolLimit(database.Provider, config.GetConnectionString("FactCheck") ?? database.ConnectionString, database.MaxPoolSize);
        var bus = Bind<BusOptions>(config, "Bus");
        bus.RabbitMq = config.GetConnectionString("RabbitMq") ?? bus.RabbitMq;
        var workflow = Bind<WorkflowOptions>(config, "Workflow");

        services.AddSingleton(database);
        services.AddSingleton(bus);
        services.AddOptions<WorkflowOptions>().Bind(config.GetSection($"{Section}:Workflow"));
        services.AddOptions<PublishingOptions>().Bind(config.GetSection($"{Section}:Publishing"));
        services.AddOptions<LinkCheckOptions>().Bind(config.GetSection($"{Section}:LinkCheck"));
        services.AddOptions<WebhookOptions>().Bind(config.GetSection($"{Section}:Webhooks"));
        services.AddSingleton(new VerdictScale(config.GetSection($"{Section}:Verdicts:Scale").Get<string[]>() is { Length: > 0 } ratings ? ratings : null));
        services.TryAddSingleton(TimeProvider.System);

        services.AddDbContext<FactCheckDbContext>(o => o.Use(database.Provider, database.ConnectionString));
        services.AddHealthChecks().AddDbContextCheck<FactCheckDbContext>("database", tags: ["ready"]);
        // Migrations run before the bus and the job server start (hosted services start in order).
        services.AddHostedService<DatabaseMigrator>();

        // Loaded on first use (the first article), once per process, from the model shipped in FactCheck.Detection.
        services.AddSingleton<ICheckWorthinessModel>(CheckWorthinessModel.Shared);
        services.AddSingleton<IClaimDetector, ClaimDetector>();
        services.AddScoped<ClaimAssigner>();
        services.AddScoped<ClaimDesk>();
        services.AddScoped<ClaimQueries>();
        services.AddScoped<ArticleDesk>();
        services.AddScoped<ArticleQueries>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<SimilarClaims>();
        services.AddScoped<ClaimReviewBuilder>();
        services.AddScoped<LeaseSweepJob>();
        services.AddScoped<SlaJob>();
        services.AddScoped<CleanupJob>();
        services.AddScoped<LinkCheckJob>();
        services.AddHttpClient(LinkCheckJob.HttpClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("FactCheck-LinkCheck/1.0"))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
                // Through a proxy the guard would see only the proxy's address.
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value.AllowPrivateNetworks ? null : PublicNetwork.ConnectAsync,
            });
        services.AddScoped<WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("FactCheck-Webhooks/1.0"))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A redirect would send the signed body somewhere the admin never named.
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks ? null : PublicNetwork.ConnectAsync,
            });

        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<ErrorQueues>();
        AddBus(services, bus, workflow, configureBus);
        if (workflow.RunConsumers)
            services.AddHostedService<OutboxDispatcher>();

        AddJobs(services, database, workflow);
        services.AddSingleton<WorkflowMetrics>();
        // The census is database-wide: counted where the jobs run, not in every web replica.
        if (workflow.RunJobs)
            services.AddHostedService<ClaimCensus>();
        AddTelemetry(builder);
        return builder;
    }

    /// <summary>
    /// Traces and metrics (the workflow's, MassTransit's, HTTP clients', the runtime's) and logs,
    /// exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard variables apply).
    /// A host adds its own instrumentation with ConfigureOpenTelemetryTracerProvider / MeterProvider.
    /// </summary>
    private static void AddTelemetry(IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithTracing(t => t.AddSource(WorkflowMetrics.Name, "MassTransit").AddHttpClientInstrumentation())
            .WithMetrics(m => m.AddMeter(WorkflowMetrics.Name, "MassTransit").AddHttpClientInstrumentation().AddRuntimeInstrumentation());
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
    }

    /// <summary>
    /// Live: the process answers. Ready: the database and the broker are reachable (JSON, statuses
    /// only; 503 unless all are healthy). /health: every check. Anonymous, for orchestrators and load balancers.
    /// </summary>
    public static IEndpointRouteBuilder MapFactCheckHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions()).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = WriteHealthJson,
            // MassTransit reports a bus that lost its broker and is reconnecting as Degraded: not ready.
            ResultStatusCodes = { [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();
        return app;
    }

    private static Task WriteHealthJson(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            // Statuses only, never exception text (hosts, ports) from a failing check.
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString() }),
        });

    /// <summary>Embedded mode: SQLite and the in-memory bus, nothing to install.</summary>
    public static bool IsEmbedded(this DatabaseOptions database, BusOptions bus) =>
        database.Provider == DatabaseProvider.Sqlite && bus.Transport == BusTransport.InMemory;

    /// <summary>The workflow's own consumers; each keeps an inbox, which is how a relayed message is known to be handled.</summary>
    private static readonly (Type Consumer, Type? Definition)[] InboxConsumers =
    [
        (typeof(SubmitArticleConsumer), null),
        (typeof(ExtractClaimsConsumer), null),
        (typeof(AssignClaimConsumer), typeof(AssignClaimConsumerDefinition)),
        (typeof(SourceAttachedConsumer), null),
    ];

    private static void AddBus(IServiceCollection services, BusOptions options, WorkflowOptions workflow, Action<IBusRegistrationConfigurator>? configureBus)
    {
        services.AddSingleton(new OutboxSettlement(InboxConsumers.Select(c => c.Consumer)));
        services.AddMassTransit(x =>
        {
            // MassTransit otherwise reports usage to its vendor: a newsroom's systems do not phone home (found by the pipeline benchmark's logs).
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            configureBus?.Invoke(x);
            if (workflow.RunConsumers)
            {
                foreach (var (consumer, definition) in InboxConsumers)
                    x.AddConsumer(consumer, definition);
                x.AddWebhookFanOut();
            }

            if (options.DelayedRedelivery)
                x.AddDelayedMessageScheduler();
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.ConcurrentMessageLimit ??= options.ConcurrentMessageLimit;
                // Outermost first: late redelivery wraps the quick in-process retries.
                if (options.DelayedRedelivery)
                {
                    endpoint.UseDelayedRedelivery(r =>
                    {
                        r.Intervals(options.EffectiveRedeliveryIntervals);
                        r.Ignore<MessageRejectedException>();
                    });
                }

                endpoint.UseMessageRetry(r =>
                {
                    r.Exponential(options.RetryLimit, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));
                    r.Ignore<MessageRejectedException>();
                });
            });

            if (options.Transport == BusTransport.RabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(options.RabbitMq));
                    ConfigureBus(cfg, context, options);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => ConfigureBus(cfg, context, options));
            }
        });
    }

    private static void ConfigureBus<T>(IBusFactoryConfigurator<T> cfg, IBusRegistrationContext context, BusOptions options)
        where T : IReceiveEndpointConfigurator
    {
        if (options.DelayedRedelivery)
            cfg.UseDelayedMessageScheduler();
        cfg.MessageTopology.SetEntityNameFormatter(new WireEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));
        // Plain AMQP clients publish bare JSON (no MassTransit envelope); accept it as the endpoint's message type.
        cfg.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
        cfg.ConfigureEndpoints(context);
    }

    private static void AddJobs(IServiceCollection services, DatabaseOptions database, WorkflowOptions workflow)
    {
        // Each host owns its storage (not Hangfire's static one), so several hosts can share a process.
        services.AddSingleton<JobStorage>(_ => database.Provider switch
        {
            DatabaseProvider.PostgreSql => PostgreSqlJobStorage(database.ConnectionString),
            DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString),
            _ => new InMemoryStorage(),
        });
        services.AddHangfire(cfg => cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (!workflow.RunJobs)
            return;

        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            o.SchedulePollingInterval = workflow.DelayedJobPolling;
        });
        services.AddHostedService<RecurringJobs>();
    }

    private static PostgreSqlStorage PostgreSqlJobStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    private static T Bind<T>(IConfiguration config, string name)
        where T : new()
    {
        var options = new T();
        config.GetSection($"{Section}:{name}").Bind(options);
        return options;
    }
}
