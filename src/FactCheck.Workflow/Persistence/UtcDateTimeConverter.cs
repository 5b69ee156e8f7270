using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FactCheck.Workflow.Persistence;

/// <summary>All times are UTC; SQL Server and SQLite forget the kind, so it is restored on read.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
