using FactCheck.Workflow.Persistence;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Workflow.Jobs;

/// <summary>Hangfire in a host: job storage in the workflow's database, and where jobs run, the server and the recurring jobs.</summary>
public static class JobHosting
{
    public static IServiceCollection AddFactCheckJobs(this IServiceCollection services, DatabaseOptions database, WorkflowOptions workflow)
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
            return services;

        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            o.SchedulePollingInterval = workflow.DelayedJobPolling;
        });
        services.AddHostedService<RecurringJobs>();
        return services;
    }

    private static PostgreSqlStorage PostgreSqlJobStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
