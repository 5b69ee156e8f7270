using FactCheck.Testing;

namespace FactCheck.Tests.Infrastructure;

/// <summary>Programs of the solution built by the same build as these tests (the test project references them for that).</summary>
public static class BuiltProgram
{
    public static string PathOf(string project)
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory);
        var path = Path.Combine(RepositoryRoot.Find(), "src", project, "bin", testDir.Parent!.Name, testDir.Name, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} was not built.", path);
    }
}
