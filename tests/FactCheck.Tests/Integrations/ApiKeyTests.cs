using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Api;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.Integrations;

/// <summary>Machine clients with API keys: created and revoked by an admin, stored hashed, one role each.</summary>
public sealed class ApiKeyTests(EmbeddedDesk desk) : IClassFixture<EmbeddedDesk>
{
    private HttpClient WithKey(string secret, bool asAuthorization = false)
    {
        var client = desk.App.CreateClient();
        if (asAuthorization)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", secret);
        else
            client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        return client;
    }

    private async Task<CreatedApiKey> CreateAsync(string name, string role)
    {
        var response = await desk.Admin.PostAsJsonAsync("/api/admin/api-keys", new { name, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedApiKey>())!;
    }

    [Fact]
    public async Task A_key_is_stored_hashed_works_in_either_header_records_its_use_and_stops_working_when_revoked()
    {
        var created = await CreateAsync("CMS connector", "Editor");
        Assert.StartsWith("fck_" + created.Key.Lookup + "_", created.Secret, StringComparison.Ordinal);
        var stored = await desk.App.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == created.Key.Id));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Secret))), stored.Hash);
        Assert.Null(stored.LastUsedAt);
        var listed = await desk.Admin.GetStringAsync("/api/admin/api-keys");
        Assert.Contains(created.Key.Lookup, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, listed, StringComparison.Ordinal);

        using var cms = WithKey(created.Secret);
        var submitted = await cms.PostAsJsonAsync("/api/articles", new { title = "From the CMS", text = "The council approved 12 new bus routes in 2024, the mayor said." });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        using var viaAuthorization = WithKey(created.Secret, asAuthorization: true);
        Assert.Equal(HttpStatusCode.OK, (await viaAuthorization.GetAsync("/api/claims")).StatusCode);
        Assert.NotNull(await desk.App.WithDbAsync(db => db.ApiKeys.Where(k => k.Id == created.Key.Id).Select(k => k.LastUsedAt).SingleAsync()));

        var me = await cms.GetFromJsonAsync<MeResponse>("/api/auth/me");
        Assert.Equal(($"apikey:{created.Key.Id}", (string?)null, "Editor"), (me!.Id, me.Email, Assert.Single(me.Roles)));

        // One role: an Editor key is no admin.
        Assert.Equal(HttpStatusCode.Forbidden, (await cms.GetAsync("/api/admin/api-keys")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await desk.Admin.DeleteAsync($"/api/admin/api-keys/{created.Key.Id}")).StatusCode);
        var refused = await cms.GetAsync("/api/claims");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("ApiKey", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains(await desk.Admin.GetFromJsonAsync<List<ApiKeyResponse>>("/api/admin/api-keys") ?? [], k => k.Id == created.Key.Id && k.RevokedAt is not null);
    }

    [Fact]
    public async Task A_wrong_or_malformed_key_is_refused_and_so_is_a_key_without_a_valid_role_or_name()
    {
        var created = await CreateAsync("Partner feed", "Reviewer");
        using var forged = WithKey(created.Secret[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/claims")).StatusCode);
        using var malformed = WithKey("not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await malformed.GetAsync("/api/claims")).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "x", role = "Owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.Admin.PostAsJsonAsync("/api/admin/api-keys", new { name = " ", role = "Editor" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.Editor.PostAsJsonAsync("/api/admin/api-keys", new { name = "mine", role = "Admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Admin.DeleteAsync($"/api/admin/api-keys/{Guid.NewGuid()}")).StatusCode);
    }
}
