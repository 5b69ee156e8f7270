using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FactCheck.Workflow.Persistence;

/// <summary>
/// A query that locks the rows it returns for the rest of the transaction and passes over rows another
/// transaction holds: the queue-taking read (PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>, SQL Server
/// <c>UPDLOCK, READPAST</c>). Many reviewers taking work at once then each get a different row at once,
/// instead of queueing on the same one (BENCHMARKS.md, "API under load").
/// SQLite has one writer at a time and no row locks: there the tag is only a comment.
/// </summary>
public static class SkipLocked
{
    private const string Tag = "factcheck: lock rows, skip locked";

    /// <summary>Marks the query; keep it to one table (no joins or includes), which is the table locked.</summary>
    public static IQueryable<T> LockingSkipLocked<T>(this IQueryable<T> query) => query.TagWith(Tag);

    /// <summary>The provider's SQL for a tagged query; any other command is returned as it is.</summary>
    public static string Rewrite(string sql, DatabaseProvider provider)
    {
        if (!sql.Contains("-- " + Tag, StringComparison.Ordinal))
            return sql;
        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                return sql.TrimEnd() + "\nFOR UPDATE SKIP LOCKED";
            case DatabaseProvider.SqlServer:
                var from = sql.IndexOf("FROM [", StringComparison.Ordinal);
                var alias = from < 0 ? -1 : sql.IndexOf("] AS [", from, StringComparison.Ordinal);
                var end = alias < 0 ? -1 : sql.IndexOf(']', alias + "] AS [".Length);
                if (end < 0)
                    throw new InvalidOperationException($"A skip-locked query needs one aliased table; cannot place the lock hints in: {sql}");
                return sql.Insert(end + 1, " WITH (UPDLOCK, ROWLOCK, READPAST)");
            default:
                return sql;
        }
    }

    /// <summary>Applies <see cref="Rewrite"/> to every query a context sends.</summary>
    internal sealed class Interceptor(DatabaseProvider provider) : DbCommandInterceptor
    {
        private static readonly Interceptor[] ByProvider = Enum.GetValues<DatabaseProvider>().Select(p => new Interceptor(p)).ToArray();

        /// <summary>One stateless instance per provider, shared by every context.</summary>
        public static Interceptor For(DatabaseProvider provider) => ByProvider[(int)provider];

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            command.CommandText = Rewrite(command.CommandText, provider);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            command.CommandText = Rewrite(command.CommandText, provider);
            return ValueTask.FromResult(result);
        }
    }
}
