using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.Api;

public sealed class HealthTests
{
    [Fact]
    public async Task Live_and_ready_answer_without_signing_in_and_ready_lists_the_database_and_the_bus()
    {
        await using var app = new FactCheckApp(TestStack.Embedded());
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
        var ready = await Eventually.Until(() => anonymous.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "readiness");
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("database", checks);
        Assert.Contains(checks, c => c!.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
    }
}
