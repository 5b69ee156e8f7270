using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FactCheck.Migrations.Sqlite;

/// <summary>Used by 'dotnet ef' only; the connection string is never opened to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FactCheckDbContext>
{
    public FactCheckDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FactCheckDbContext>();
        options.Use(DatabaseProvider.Sqlite, DesignTimeConnection);
        return new FactCheckDbContext(options.Options);
    }

    private const string DesignTimeConnection = "Data Source=design-time.db";
}
