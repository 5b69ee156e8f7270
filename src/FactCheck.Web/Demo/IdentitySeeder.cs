using FactCheck.Contracts;
using FactCheck.Web.Api;
using FactCheck.Web.Auth;
using FactCheck.Workflow;
using FactCheck.Workflow.Articles;
using FactCheck.Workflow.Messaging;
using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.Identity;

namespace FactCheck.Web.Demo;

/// <summary>
/// Creates the roles everywhere, an initial admin when <c>FactCheck:Bootstrap:AdminEmail</c> and
/// <c>AdminPassword</c> are set, and in embedded mode the demo newsroom and its sample article.
/// </summary>
internal sealed class IdentitySeeder(IServiceProvider services, IConfiguration config, IHostEnvironment env, DatabaseOptions database, BusOptions bus, ILogger<IdentitySeeder> logger)
    : IHostedService
{
    public const string DemoPassword = "FactCheck-demo-2026";
    public static readonly Guid SampleArticleId = Guid.Parse("0195f0c0-0000-7000-8000-00000000a001");
    internal const string SampleArticleResource = "FactCheck.Web.Demo.SampleArticle.article.txt";

    /// <summary>Claims each demo person may hold at once (only reviewers take any).</summary>
    private const int DemoCapacity = 10;

    internal static readonly (string Email, string Name, string[] Roles, string[] Beats)[] DemoUsers =
    [
        ("admin@factcheck.local", "Ada Admin", [Roles.Admin], []),
        ("editor@factcheck.local", "Eddie Editor", [Roles.Editor], []),
        ("reviewer@factcheck.local", "Rita Reviewer", [Roles.Reviewer], ["defence", "politics"]),
        ("reviewer2@factcheck.local", "Remy Reviewer", [Roles.Reviewer], ["defence"]),
        ("reviewer3@factcheck.local", "Rosa Reviewer", [Roles.Reviewer], []),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var staff = scope.ServiceProvider.GetRequiredService<Staff>();
        if (config["FactCheck:Bootstrap:AdminEmail"] is { Length: > 0 } adminEmail && config["FactCheck:Bootstrap:AdminPassword"] is { Length: > 0 } adminPassword)
            await EnsureUser(users, staff, new CreateUserRequest(adminEmail, adminPassword, "Administrator", [Roles.Admin], null, null, null), cancellationToken);

        var demo = config.GetSection("FactCheck:Demo").Get<DemoOptions>() ?? new DemoOptions();
        if (!demo.Seed || !database.IsEmbedded(bus))
            return;

        foreach (var (email, name, userRoles, beats) in DemoUsers)
            await EnsureUser(users, staff, new CreateUserRequest(email, DemoPassword, name, userRoles, beats, null, DemoCapacity), cancellationToken);
        await SubmitSampleArticle(scope.ServiceProvider.GetRequiredService<ArticleQueries>(), scope.ServiceProvider.GetRequiredService<ArticleDesk>(), demo, cancellationToken);
        logger.LogInformation(
            "Embedded mode: demo users {Users} share the password {Password}",
            string.Join(", ", DemoUsers.Select(u => $"{u.Email} ({string.Join('/', u.Roles)})")), DemoPassword);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Adds the person as an admin would, unless their email is taken (a restart, or someone made them by hand).</summary>
    private static async Task EnsureUser(UserManager<IdentityUser> users, Staff staff, CreateUserRequest person, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(person.Email!) is not null)
            return;
        var (_, errors) = await staff.CreateAsync(person, ct);
        if (errors.Count > 0)
            throw new InvalidOperationException($"Cannot create {person.Email}: {string.Join(" ", errors.Values.SelectMany(e => e))}");
    }

    /// <summary>Submitted like any article; its fixed id makes a restart a no-op.</summary>
    private async Task SubmitSampleArticle(ArticleQueries articles, ArticleDesk desk, DemoOptions demo, CancellationToken ct)
    {
        if (await articles.ExistsAsync(SampleArticleId, ct))
            return;
        string text, source;
        if (demo.ArticlePath is { Length: > 0 } configured)
        {
            var path = source = Path.Combine(env.ContentRootPath, configured);
            if (!File.Exists(path))
            {
                logger.LogWarning("Sample article {Path} not found; starting without it", path);
                return;
            }

            text = await File.ReadAllTextAsync(path, ct);
        }
        else
        {
            text = await EmbeddedSampleArticle(ct);
            source = "the sample article embedded in the app";
        }

        var outcome = await desk.SubmitAsync(new SubmitArticle
        {
            ArticleId = SampleArticleId,
            Title = "NDP wants Canada's special forces out of Iraq",
            Text = text,
            Outlet = "The Canadian Press",
            Author = "Lee Berthiaume",
            PublishedAt = new DateTime(2020, 1, 13, 0, 0, 0, DateTimeKind.Utc),
            Language = "en",
            Beat = "defence",
            SubmittedBy = "demo",
        }, idempotencyKey: null, ct);
        if (outcome.ArticleId is null)
        {
            // A demo article the rules refuse leaves the demo without it, as a missing file does; the app still starts.
            logger.LogWarning("Sample article from {Source} refused ({Problems}); starting without it", source, string.Join(" ", outcome.Errors.Values.SelectMany(e => e)));
            return;
        }

        logger.LogInformation("Embedded mode: submitted the demo article {ArticleId} ({Characters} characters) from {Source}", SampleArticleId, text.Length, source);
    }

    /// <summary>Demo/SampleArticle/article.txt, embedded in this assembly (see its README.md).</summary>
    internal static async Task<string> EmbeddedSampleArticle(CancellationToken ct = default)
    {
        await using var stream = typeof(IdentitySeeder).Assembly.GetManifestResourceStream(SampleArticleResource)
            ?? throw new InvalidOperationException($"The resource {SampleArticleResource} is not in {typeof(IdentitySeeder).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }
}
