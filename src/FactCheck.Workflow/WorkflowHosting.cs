using FactCheck.Detection;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Assignment;
using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Jobs;
using FactCheck.Workflow.Labels;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using FactCheck.Workflow.Publishing;
using FactCheck.Workflow.References;
using FactCheck.Workflow.Sources;
using FactCheck.Workflow.Verdicts;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

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
        var workflow = Bind<WorkflowOptions>(config, "Workflow");
        services.AddOptions<WorkflowOptions>().Bind(config.GetSection($"{Section}:Workflow"));
        services.AddOptions<PublishingOptions>().Bind(config.GetSection($"{Section}:Publishing"));
        services.AddOptions<LinkCheckOptions>().Bind(config.GetSection($"{Section}:LinkCheck"));
        services.AddOptions<WebhookOptions>().Bind(config.GetSection($"{Section}:Webhooks"));
        services.AddSingleton(new VerdictScale(config.GetSection($"{Section}:Verdicts:Scale").Get<string[]>() is { Length: > 0 } ratings ? ratings : null));
        services.TryAddSingleton(TimeProvider.System);

        // First: its migrator must start before the bus and the job server (hosted services start in order).
        var database = services.AddFactCheckPersistence(config);

        // Loaded on first use (the first article), once per process, from the model shipped in FactCheck.Detection.
        services.AddSingleton<ICheckWorthinessModel>(CheckWorthinessModel.Shared);
        services.AddSingleton<IClaimDetector, ClaimDetector>();
        services.AddScoped<ClaimAssigner>();
        services.AddScoped<ClaimDesk>();
        services.AddScoped<ClaimQueries>();
        services.AddScoped<DeskLabels>();
        services.AddScoped<ReferenceCollection>();
        services.AddScoped<ArticleDesk>();
        services.AddScoped<ArticleQueries>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<SimilarClaims>();
        services.AddScoped<ClaimReviewBuilder>();
        services.AddScoped<LeaseSweepJob>();
        services.AddScoped<SlaJob>();
        services.AddScoped<CleanupJob>();
        services.AddScoped<LinkCheckJob>();
        services.AddScoped<ReferenceEmbeddingJob>();
        services.AddScoped<WebhookSender>();
        services.AddGuardedHttpClients();

        services.AddFactCheckBus(config, workflow, configureBus);
        services.AddFactCheckJobs(database, workflow);
        services.AddSingleton<WorkflowMetrics>();
        // The census is database-wide: counted where the jobs run, not in every web replica.
        if (workflow.RunJobs)
            services.AddHostedService<ClaimCensus>();
        builder.AddFactCheckServiceDefaults();
        return builder;
    }

    /// <summary>Embedded mode: SQLite and the in-memory bus, nothing to install.</summary>
    public static bool IsEmbedded(this DatabaseOptions database, BusOptions bus) =>
        database.Provider == DatabaseProvider.Sqlite && bus.Transport == BusTransport.InMemory;

    /// <summary>The settings under <c>FactCheck:{name}</c>, read now, for wiring that depends on them.</summary>
    internal static T Bind<T>(IConfiguration config, string name)
        where T : new()
    {
        var options = new T();
        config.GetSection($"{Section}:{name}").Bind(options);
        return options;
    }
}
