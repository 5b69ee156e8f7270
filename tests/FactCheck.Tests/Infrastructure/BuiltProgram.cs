namespace FactCheck.Tests.Infrastructure;

/// <summary>Programs of the solution built by the same build as these tests (the test project references them for that).</summary>
public static class BuiltProgram
{
    public static string PathOf(string project)
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testDir.Name;
        var configuration = testDir.Parent!.Name;
        for (var dir = testDir; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FactCheck.sln")))
            {
                var path = Path.Combine(dir.FullName, "src", project, "bin", configuration, framework, project + ".dll");
                return File.Exists(path) ? path : throw new FileNotFoundException($"{project} was not built.", path);
            }
        }

        throw new DirectoryNotFoundException("FactCheck.sln not found above " + AppContext.BaseDirectory);
    }
}
