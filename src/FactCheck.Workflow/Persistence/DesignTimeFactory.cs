using Microsoft.EntityFrameworkCore.Design;

namespace FactCheck.Workflow.Persistence;

/// <summary>
/// What 'dotnet ef' uses in each migrations assembly to build the model for its provider. The
/// connection string is never opened to add a migration or generate a script.
/// </summary>
public abstract class DesignTimeFactory(DatabaseProvider provider, string connectionString) : IDesignTimeDbContextFactory<FactCheckDbContext>
{
    public FactCheckDbContext CreateDbContext(string[] args) => Database.CreateContext(provider, connectionString);
}
