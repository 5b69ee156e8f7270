using FactCheck.Workflow.Persistence;

namespace FactCheck.Migrations.PostgreSql;

public sealed class PostgreSqlDesignTimeFactory() : DesignTimeFactory(DatabaseProvider.PostgreSql, "Host=localhost;Database=factcheck;Username=postgres");
