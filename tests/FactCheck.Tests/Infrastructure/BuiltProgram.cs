namespace FactCheck.Tests.Infrastructure;

/// <summary>Programs of the solution built by the same build as these tests (the test project references them for that).</summary>
public static class BuiltProgram
{
    public static string PathOf(string project)
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory);
        var path = Path.Combine(RepositoryRoot(), "src", project, "bin", testDir.Parent!.Name, testDir.Name, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} was not built.", path);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactCheck.sln")))
                return dir.FullName;
        }

        throw new DirectoryNotFoundException("FactCheck.sln not found above " + AppContext.BaseDirectory);
    }
}
