using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FactCheck.Migrations.SqlServer;

/// <summary>Used by 'dotnet ef' only; the connection string is never opened to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FactCheckDbContext>
{
    public FactCheckDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FactCheckDbContext>();
        options.Use(DatabaseProvider.SqlServer, DesignTimeConnection);
        return new FactCheckDbContext(options.Options);
    }

    private const string DesignTimeConnection = "Server=localhost;Database=FactCheck;Trusted_Connection=True;TrustServerCertificate=True";
}
