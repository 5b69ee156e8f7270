using System.Net.Http.Headers;
using System.Net.Http.Json;
using FactCheck.Web.Api;
using FactCheck.Web.Auth;
using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FactCheck.Tests.Infrastructure;

/// <summary>The real web app, with its real workflow, on the given stack. Demo seeding and link checks are off.</summary>
/// <param name="ownsStack">False for a second instance on another app's stack: the owner cleans it up.</param>
/// <param name="output">Where the app's log lines are written (optional).</param>
/// <param name="logLevel">From which level they are written: errors unless a test wants to see warnings too.</param>
public sealed class FactCheckApp(TestStack stack, IReadOnlyDictionary<string, string?>? settings = null, bool ownsStack = true, ITestOutputHelper? output = null,
    LogLevel logLevel = LogLevel.Error)
    : WebApplicationFactory<Program>
{
    private TestOutputLoggerProvider? _log;

    public const string Password = "Test-password-123";

    public TestStack Stack { get; } = stack;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the framework's own files (blazor.web.js) are served only when published; tests run from the build.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:FactCheck", Stack.ConnectionString);
        builder.UseSetting("FactCheck:Database:Provider", Stack.Provider);
        builder.UseSetting("FactCheck:Bus:Transport", Stack.Transport);
        if (Stack.RabbitMq is not null)
            builder.UseSetting("ConnectionStrings:RabbitMq", Stack.RabbitMq);
        builder.UseSetting("FactCheck:Demo:Seed", "false");
        builder.UseSetting("FactCheck:LinkCheck:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        if (output is not null)
            builder.ConfigureLogging(logging => logging.AddProvider(_log = new TestOutputLoggerProvider(output, logLevel)));
    }

    public async Task<T> WithDbAsync<T>(Func<FactCheckDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<FactCheckDbContext>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    /// <summary>Creates a person as an admin would (<see cref="Staff.CreateAsync"/>: a profile for everyone); returns the user id.</summary>
    public async Task<string> CreateUserAsync(string email, string name, string[] roles, string[]? beats = null, int capacity = 50)
    {
        await using var scope = Services.CreateAsyncScope();
        var (profile, errors) = await scope.ServiceProvider.GetRequiredService<Staff>()
            .CreateAsync(new CreateUserRequest(email, Password, name, roles, beats, null, capacity), CancellationToken.None);
        Assert.True(profile is not null, string.Join(" ", errors.Values.SelectMany(e => e)));
        return profile.UserId;
    }

    /// <summary>An HTTP client signed in as the user with a bearer token, as an API client would be.</summary>
    public async Task<HttpClient> ClientForAsync(string email)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, Password));
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<AccessTokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _log?.Dispose();
        if (ownsStack)
            await Stack.DisposeAsync();
    }
}
