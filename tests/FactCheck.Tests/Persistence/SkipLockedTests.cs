using FactCheck.Workflow.Claims;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace FactCheck.Tests.Persistence;

/// <summary>
/// Take-next's locking read as each provider receives it. PostgreSQL runs it for real in the
/// contention fault test; SQL Server cannot run here, so its text is parsed as T-SQL.
/// </summary>
public sealed class SkipLockedTests
{
    private static string TakeNextSql(DatabaseProvider provider)
    {
        using var db = Database.CreateContext(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Server=unused");
        var query = ClaimDesk.NextFor(db.Claims, ["en"], ["politics"], [Guid.NewGuid()]).ToQueryString();
        return SkipLocked.Rewrite(query, provider);
    }

    [Fact]
    public void PostgreSql_locks_the_rows_it_reads_and_skips_the_locked_ones()
    {
        var sql = TakeNextSql(DatabaseProvider.PostgreSql);
        Assert.EndsWith("LIMIT @p\nFOR UPDATE SKIP LOCKED", sql.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServer_gets_update_and_readpast_hints_on_the_claims_table_and_the_query_parses()
    {
        var sql = TakeNextSql(DatabaseProvider.SqlServer);
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + sql);
        var tables = new HintedTables();
        fragment.Accept(tables);
        var claims = Assert.Single(tables.Found);
        Assert.Equal("Claims", claims.Table);
        Assert.Equal([TableHintKind.UpdLock, TableHintKind.Rowlock, TableHintKind.ReadPast], claims.Hints);
    }

    [Fact]
    public void Sqlite_and_untagged_queries_are_sent_as_they_are()
    {
        using var db = Database.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        var plain = db.Claims.Where(c => c.Priority > 1).ToQueryString();
        Assert.Equal(plain, SkipLocked.Rewrite(plain, DatabaseProvider.PostgreSql));
        Assert.Equal(plain, SkipLocked.Rewrite(plain, DatabaseProvider.SqlServer));
        Assert.DoesNotContain("FOR UPDATE", TakeNextSql(DatabaseProvider.Sqlite), StringComparison.Ordinal);
    }

    private sealed class HintedTables : TSqlFragmentVisitor
    {
        public List<(string Table, TableHintKind[] Hints)> Found { get; } = [];

        public override void ExplicitVisit(NamedTableReference node)
        {
            Found.Add((node.SchemaObject.BaseIdentifier.Value, node.TableHints.Select(h => h.HintKind).ToArray()));
            base.ExplicitVisit(node);
        }
    }
}
