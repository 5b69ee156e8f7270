namespace FactCheck.Testing;

/// <summary>The checkout these tests or benchmarks were built from: the folder above the build output that holds FactCheck.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactCheck.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("FactCheck.sln not found above " + AppContext.BaseDirectory);
    }
}
