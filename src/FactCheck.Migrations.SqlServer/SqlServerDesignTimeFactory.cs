using FactCheck.Workflow.Persistence;

namespace FactCheck.Migrations.SqlServer;

public sealed class SqlServerDesignTimeFactory() : DesignTimeFactory(DatabaseProvider.SqlServer, "Server=localhost;Database=FactCheck;Trusted_Connection=True;TrustServerCertificate=True");
