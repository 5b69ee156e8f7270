using System.Diagnostics;
using System.Text.RegularExpressions;
using FactCheck.Testing;
using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.Deployment;

/// <summary>
/// No Docker engine runs here: Debian's docker-compose parses and normalises the file (the same
/// parser `docker compose up` uses for its model), and the tests read what it made of it.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Root = RepositoryRoot.Find();

    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["MSSQL_SA_PASSWORD"] = "Test-sa-Password-1",
        ["RABBITMQ_PASSWORD"] = "test-rabbit",
        ["FACTCHECK_ADMIN_PASSWORD"] = "Test-admin-Password-1",
    };

    [Fact]
    public async Task The_stack_has_its_four_services_with_health_checks_volumes_and_scalable_workers()
    {
        var (code, config, error) = await ComposeAsync(Secrets, "config");
        Assert.True(code == 0, error);
        var services = Services(config);

        Assert.Equal(["rabbitmq", "sqlserver", "web", "worker"], services.Keys.Order());
        foreach (var name in new[] { "sqlserver", "rabbitmq", "web", "worker" })
            Assert.Contains("healthcheck:", services[name], StringComparison.Ordinal);
        Assert.Matches(@"image: rabbitmq:[\w.-]*management", services["rabbitmq"]);
        Assert.Contains("curl -fsS http://localhost:8080/health/ready", services["web"], StringComparison.Ordinal);
        Assert.Contains("curl -fsS http://localhost:8080/health/ready", services["worker"], StringComparison.Ordinal);
        Assert.Matches(@"sqlserver:\s+condition: service_healthy", services["web"]);
        Assert.Contains("sqlserver-data:/var/opt/mssql", services["sqlserver"], StringComparison.Ordinal);
        Assert.Contains("rabbitmq-data:/var/lib/rabbitmq", services["rabbitmq"], StringComparison.Ordinal);
        // `--scale worker=3` needs a worker with no fixed name and no published port.
        Assert.DoesNotContain("container_name:", services["worker"], StringComparison.Ordinal);
        Assert.DoesNotContain("ports:", services["worker"], StringComparison.Ordinal);
        Assert.Contains("FactCheck__Workflow__RunConsumers: \"false\"", services["web"], StringComparison.Ordinal);
        Assert.Contains("Password=Test-sa-Password-1", services["worker"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_its_secrets_the_stack_refuses_to_start_and_says_which()
    {
        var (code, _, error) = await ComposeAsync(Secrets.ToDictionary(s => s.Key, _ => ""), "config", "-q");
        Assert.NotEqual(0, code);
        Assert.Contains("set MSSQL_SA_PASSWORD in .env", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_web_app_gets_the_key_ring_certificate_as_a_secret_from_a_file_kept_out_of_git_and_the_image()
    {
        var (code, config, error) = await ComposeAsync(Secrets, "config");
        Assert.True(code == 0, error);
        var services = Services(config);

        Assert.Matches(@"secrets:\s+- source: dataprotection-certificate\n", services["web"]);
        Assert.Contains("FactCheck__DataProtection__CertificatePath: /run/secrets/dataprotection-certificate", services["web"], StringComparison.Ordinal);
        Assert.DoesNotContain("secrets:", services["worker"], StringComparison.Ordinal);
        var file = Assert.Single(SecretFilePattern().Matches(config)).Groups[1].Value;
        Assert.Equal(Path.Combine(Root, "deploy", "secrets", "dataprotection.pfx"), file);

        // Made per deployment: git must not take it, nor the image build (COPY . .) bake it in.
        var (ignored, _, gitError) = await RunAsync("git", ["check-ignore", "-q", Path.GetRelativePath(Root, file)]);
        Assert.True(ignored == 0, $"git does not ignore {file} (.gitignore): {gitError}");
        Assert.Contains("deploy/secrets/", File.ReadAllLines(Path.Combine(Root, ".dockerignore")));
    }

    [Fact]
    public void The_dockerfile_builds_the_hosts_the_compose_file_runs_from_projects_in_the_solution()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile"));
        var solution = File.ReadAllText(Path.Combine(Root, "FactCheck.sln"));
        var published = PublishPattern().Matches(dockerfile).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["src/FactCheck.Web", "src/FactCheck.Worker"], published);
        foreach (var project in published)
        {
            var name = Path.GetFileName(project);
            Assert.True(File.Exists(Path.Combine(Root, project, name + ".csproj")), $"{project} has no {name}.csproj");
            Assert.Contains($"{name}.csproj", solution, StringComparison.Ordinal);
        }

        var stages = StagePattern().Matches(dockerfile).Select(m => m.Groups[1].Value).ToList();
        var targets = TargetPattern().Matches(File.ReadAllText(Path.Combine(Root, "docker-compose.yml"))).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["web", "worker"], targets);
        Assert.All(targets, t => Assert.Contains(t, stages));
    }

    [Fact]
    public async Task Each_built_service_has_the_tool_its_health_check_runs_in_its_image()
    {
        var (code, config, error) = await ComposeAsync(Secrets, "config");
        Assert.True(code == 0, error);
        var dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile"));
        // Each stage's text, and the stage it builds on.
        var stages = StagePattern().Matches(dockerfile).Select(m => (Name: m.Groups[1].Value, Start: m.Index)).ToList();
        var text = stages.Select((stage, i) => (stage.Name, Body: dockerfile[stage.Start..(i + 1 < stages.Count ? stages[i + 1].Start : dockerfile.Length)]))
            .ToDictionary(x => x.Name, x => x.Body);
        string Chain(string stage) => text.TryGetValue(stage, out var body)
            ? body + (BasePattern().Match(body) is { Success: true } m ? Chain(m.Groups[1].Value) : "")
            : "";

        foreach (var (name, service) in Services(config).Where(s => s.Value.Contains("dockerfile: deploy/Dockerfile", StringComparison.Ordinal)))
        {
            var target = TargetPattern().Match(service).Groups[1].Value;
            var tool = HealthToolPattern().Match(service).Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(tool), $"{name} has no health check command");
            Assert.Matches($@"apt-get install[^\n]*\b{tool}\b", Chain(target));
        }
    }

    /// <summary>Each top-level service's block of the normalised YAML.</summary>
    private static Dictionary<string, string> Services(string config)
    {
        var services = new Dictionary<string, string>();
        var section = config[(config.IndexOf("services:\n", StringComparison.Ordinal) + 10)..];
        string? current = null;
        foreach (var line in section.Split('\n'))
        {
            if (line.Length > 0 && !line.StartsWith(' '))
                break;
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(':'))
            {
                current = line.Trim().TrimEnd(':');
                services[current] = "";
            }
            else if (current is not null)
            {
                services[current] += line + "\n";
            }
        }

        return services;
    }

    private static Task<(int Code, string Output, string Error)> ComposeAsync(Dictionary<string, string> environment, params string[] args)
    {
        const string compose = "/usr/bin/docker-compose";
        if (!File.Exists(compose))
        {
            var message = "docker-compose is not installed (apt-get install docker-compose); .ci/run installs it.";
            if (Environment.GetEnvironmentVariable(TestStack.RequireVariable) == "1")
                Assert.Fail(message);
            Assert.Skip(message);
        }

        return RunAsync(compose, ["-f", "docker-compose.yml", .. args], environment);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string program, string[] args, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? [])
            start.Environment[key] = value;
        using var process = ChildProcess.Start(start);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"dotnet publish (\S+)")]
    private static partial Regex PublishPattern();

    [GeneratedRegex(@"^FROM \S+ AS (\w+)", RegexOptions.Multiline)]
    private static partial Regex StagePattern();

    [GeneratedRegex(@"^\s+target: (\w+)", RegexOptions.Multiline)]
    private static partial Regex TargetPattern();

    [GeneratedRegex(@"^FROM (\S+)")]
    private static partial Regex BasePattern();

    [GeneratedRegex(@"^  dataprotection-certificate:\n    file: (\S+)$", RegexOptions.Multiline)]
    private static partial Regex SecretFilePattern();

    [GeneratedRegex(@"- CMD-SHELL\s+- (\w+)")]
    private static partial Regex HealthToolPattern();
}
