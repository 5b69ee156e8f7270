using System.Net;
using System.Net.Http.Json;
using System.Text;
using FactCheck.Testing;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FactCheck.Tests.Hostile;

/// <summary>
/// Every endpoint × every kind of caller: only what the role may do gets past authorization (any
/// answer but 401/403); everything else is refused. The expected matrix is written down here, so a
/// new endpoint fails the test until someone says who may call it; the observed one is written to
/// artifacts/role-matrix.md.
/// </summary>
public sealed class RoleMatrixTests(EmbeddedDesk desk, ITestOutputHelper output) : IClassFixture<EmbeddedDesk>
{
    [Flags]
    private enum Caller
    {
        None = 0,
        Anonymous = 1,
        Reviewer = 2,
        Editor = 4,
        Admin = 8,
        /// <summary>A machine client with an Editor API key.</summary>
        EditorKey = 16,
    }

    private const Caller Anyone = Caller.Anonymous | SignedIn;
    private const Caller SignedIn = Caller.Reviewer | Caller.Editor | Caller.Admin | Caller.EditorKey;
    private const Caller Edit = Caller.Editor | Caller.Admin | Caller.EditorKey;

    private static readonly Dictionary<string, Caller> Expected = new()
    {
        ["GET /health"] = Anyone,
        ["GET /health/live"] = Anyone,
        ["GET /health/ready"] = Anyone,
        ["GET /fact-checks/{Id:guid}"] = Anyone,
        // Razor pages also take form posts (refused without an antiforgery token; the page has no form).
        ["POST /fact-checks/{Id:guid}"] = Anyone,
        ["GET /openapi/{documentName}.json"] = SignedIn,
        ["GET /api/auth/me"] = SignedIn,
        ["GET /api/articles/"] = SignedIn,
        ["GET /api/articles/{id:guid}"] = SignedIn,
        ["POST /api/articles/"] = Edit,
        ["GET /api/claims/"] = SignedIn,
        ["GET /api/claims/export"] = SignedIn,
        ["GET /api/claims/{id:guid}"] = SignedIn,
        ["GET /api/claims/{id:guid}/history"] = SignedIn,
        ["GET /api/claims/{id:guid}/claimreview"] = SignedIn,
        ["GET /api/claims/{id:guid}/similar"] = SignedIn,
        ["GET /api/verdict-scale"] = SignedIn,
        ["POST /api/claims/next"] = Caller.Reviewer,
        ["POST /api/claims/{id:guid}/start"] = Caller.Reviewer,
        ["POST /api/claims/{id:guid}/sources"] = Caller.Reviewer,
        ["PUT /api/claims/{id:guid}/sources/{sourceId:guid}"] = Caller.Reviewer,
        ["DELETE /api/claims/{id:guid}/sources/{sourceId:guid}"] = Caller.Reviewer,
        ["POST /api/claims/{id:guid}/verdict"] = Caller.Reviewer,
        // Who holds the claim, or an editor: decided by the claim (a missing one is 404 for all signed in).
        ["POST /api/claims/{id:guid}/release"] = SignedIn,
        // An editor, or the reviewer working on the claim: decided by the claim too.
        ["PUT /api/claims/{id:guid}/statement"] = SignedIn,
        ["POST /api/articles/{id:guid}/claims"] = Edit,
        ["POST /api/claims/{id:guid}/split"] = Edit,
        ["POST /api/claims/{id:guid}/merge-back"] = Edit,
        ["POST /api/claims/merge"] = Edit,
        ["POST /api/claims/{id:guid}/verdict/approve"] = Edit,
        ["POST /api/claims/{id:guid}/verdict/return"] = Edit,
        ["POST /api/claims/{id:guid}/correct"] = Edit,
        ["POST /api/claims/{id:guid}/dismiss"] = Edit,
        ["POST /api/claims/{id:guid}/restore"] = Edit,
        ["PUT /api/claims/{id:guid}/due"] = Edit,
        ["POST /api/claims/{id:guid}/assign"] = Edit,
        ["PUT /api/claims/{id:guid}/priority"] = Edit,
        ["POST /api/admin/users"] = Caller.Admin,
        ["GET /api/admin/desk-labels/"] = Caller.Admin,
        ["GET /api/admin/references/"] = Caller.Admin,
        ["POST /api/admin/references/"] = Caller.Admin,
        ["GET /api/admin/desk-labels/export"] = Caller.Admin,
        ["GET /api/admin/reviewers"] = Caller.Admin,
        ["PUT /api/admin/reviewers/{userId}"] = Caller.Admin,
        ["GET /api/admin/failed-messages"] = Caller.Admin,
        ["POST /api/admin/failed-messages/{queue}/{messageId}/retry"] = Caller.Admin,
        ["DELETE /api/admin/failed-messages/{queue}/{messageId}"] = Caller.Admin,
        ["GET /api/admin/api-keys/"] = Caller.Admin,
        ["POST /api/admin/api-keys/"] = Caller.Admin,
        ["DELETE /api/admin/api-keys/{id:guid}"] = Caller.Admin,
        ["GET /api/admin/webhooks/"] = Caller.Admin,
        ["GET /api/admin/webhooks/events"] = Caller.Admin,
        ["POST /api/admin/webhooks/"] = Caller.Admin,
        ["PUT /api/admin/webhooks/{id:guid}"] = Caller.Admin,
        ["POST /api/admin/webhooks/{id:guid}/pause"] = Caller.Admin,
        ["POST /api/admin/webhooks/{id:guid}/resume"] = Caller.Admin,
        ["POST /api/admin/webhooks/{id:guid}/secret"] = Caller.Admin,
        ["DELETE /api/admin/webhooks/{id:guid}"] = Caller.Admin,
        ["POST /api/admin/webhooks/{id:guid}/ping"] = Caller.Admin,
        ["GET /api/admin/webhooks/{id:guid}/deliveries"] = Caller.Admin,
        ["POST /api/admin/webhooks/{id:guid}/deliveries/{deliveryId:guid}/redeliver"] = Caller.Admin,
    };

    // Authentication itself: a wrong password is a 401 for everyone, by design.
    private static readonly HashSet<string> NotInMatrix = ["POST /api/auth/login", "POST /api/auth/refresh"];

    [Fact]
    public async Task Only_the_roles_that_may_call_an_endpoint_get_past_authorization()
    {
        var endpoints = desk.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && new[] { "/api", "/health", "/openapi", "/fact-checks" }.Any(p => raw.StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Where(e => !NotInMatrix.Contains(e))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var unclassified = endpoints.Where(e => !Expected.ContainsKey(e)).ToList();
        Assert.True(unclassified.Count == 0, "say who may call: " + string.Join(", ", unclassified));
        var gone = Expected.Keys.Where(e => !endpoints.Contains(e)).ToList();
        Assert.True(gone.Count == 0, "no longer mapped: " + string.Join(", ", gone));

        var key = await desk.Admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "matrix", role = "Editor" });
        using var editorKey = desk.App.CreateClient();
        editorKey.DefaultRequestHeaders.Add("X-Api-Key", (await key.Content.ReadFromJsonAsync<CreatedApiKey>())!.Secret);
        using var anonymous = desk.App.CreateClient(new() { AllowAutoRedirect = false });
        var callers = new (Caller Caller, HttpClient Client)[]
        {
            (Caller.Anonymous, anonymous), (Caller.Reviewer, desk.Reviewer), (Caller.Editor, desk.Editor), (Caller.Admin, desk.Admin), (Caller.EditorKey, editorKey),
        };

        var table = new StringBuilder("| endpoint | anonymous | reviewer | editor | admin | editor API key |\n| --- | --- | --- | --- | --- | --- |\n");
        var wrong = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var (method, pattern) = (endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)], endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            table.Append($"| `{endpoint}` |");
            foreach (var (caller, client) in callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), UrlOf(pattern));
                if (method is "POST" or "PUT")
                    request.Content = JsonContent.Create(new { });
                using var response = await client.SendAsync(request);
                var passed = response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
                var allowed = Expected[endpoint].HasFlag(caller);
                table.Append($" {(passed ? "✓" : "✗")} {(int)response.StatusCode} |");
                if (passed != allowed)
                    wrong.Add($"{caller} {endpoint}: {(int)response.StatusCode}, expected {(allowed ? "allowed" : "refused")}");
            }

            table.Append('\n');
        }

        Directory.CreateDirectory(Path.Combine(RepositoryRoot.Find(), "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(RepositoryRoot.Find(), "artifacts", "role-matrix.md"), table.ToString());
        output.WriteLine(table.ToString());
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>The pattern with its parameters filled: unknown ids, so nothing is changed.</summary>
    private static string UrlOf(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{(\w+)(:guid)?\}", m =>
        m.Groups[1].Value == "documentName" ? "v1" : m.Groups[2].Success ? Guid.NewGuid().ToString() : "unknown");
}
