using FactCheck.Workflow.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Workflow.Persistence;

/// <summary>The workflow's database in a host: its settings, the DbContext, its health check and its migrations.</summary>
public static class PersistenceHosting
{
    /// <returns>The database settings, for wiring that depends on the provider.</returns>
    public static DatabaseOptions AddFactCheckPersistence(this IServiceCollection services, IConfiguration config)
    {
        var database = WorkflowHosting.Bind<DatabaseOptions>(config, "Database");
        database.ConnectionString = Database.WithPoolLimit(database.Provider, config.GetConnectionString("FactCheck") ?? database.ConnectionString, database.MaxPoolSize);
        services.AddSingleton(database);
        services.AddDbContext<FactCheckDbContext>(o => o.Use(database.Provider, database.ConnectionString));
        services.AddHealthChecks().AddDbContextCheck<FactCheckDbContext>("database", tags: ["ready"]);
        // Migrations run before the bus and the job server start (hosted services start in order).
        services.AddHostedService<DatabaseMigrator>();
        return database;
    }
}
