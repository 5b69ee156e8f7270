namespace FactCheck.Benchmarks;

/// <summary>
/// The files FactCheck.Benchmarks.csproj links into its output's Data folder (each has one copy in the
/// repository): the sample article, its gold annotation and dev.tsv. As content copied to the output,
/// they also reach the project BenchmarkDotNet generates and runs.
/// </summary>
internal static class BenchmarkData
{
    public static string Path(string name)
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Data", name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Data/{name} is not in the benchmarks' output (see FactCheck.Benchmarks.csproj).", path);
    }
}
