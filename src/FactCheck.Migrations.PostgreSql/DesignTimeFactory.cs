using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FactCheck.Migrations.PostgreSql;

/// <summary>Used by 'dotnet ef' only; the connection string is never opened to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FactCheckDbContext>
{
    public FactCheckDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FactCheckDbContext>();
        options.Use(DatabaseProvider.PostgreSql, DesignTimeConnection);
        return new FactCheckDbContext(options.Options);
    }

    private const string DesignTimeConnection = "Host=localhost;Database=factcheck;Username=postgres";
}
