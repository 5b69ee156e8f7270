using FactCheck.Workflow.Persistence;

namespace FactCheck.Migrations.Sqlite;

public sealed class SqliteDesignTimeFactory() : DesignTimeFactory(DatabaseProvider.Sqlite, "Data Source=design-time.db");
