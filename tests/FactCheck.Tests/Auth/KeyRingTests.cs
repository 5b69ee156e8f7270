using System.Net;
using FactCheck.Tests.Infrastructure;
using FactCheck.Web.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactCheck.Tests.Auth;

/// <summary>
/// The Data Protection key ring (what signs cookies, bearer and refresh tokens) lives in the database.
/// </summary>
public sealed class KeyRingTests
{
    private const string Email = "eddie@newsroom.test";

    [Fact]
    public async Task The_key_ring_is_kept_in_the_database_under_the_applications_own_name()
    {
        await using var stack = TestStack.Embedded();
        await using var app = new FactCheckApp(stack, ownsStack: false);
        await app.CreateUserAsync(Email, "Eddie Editor", ["Editor"]);
        using var client = app.CreateClient();
        var tokens = await BearerTokens.LogInAsync(client, Email);
        Assert.Equal(HttpStatusCode.OK, await BearerTokens.MeAsync(client, tokens.AccessToken));

        Assert.Equal(KeyRing.ApplicationName, app.Services.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
        // Stored as it is: nothing encrypts it yet.
        var key = Assert.Single(await StoredKeysAsync(app));
        Assert.Contains("<masterKey", key.Xml, StringComparison.Ordinal);
    }

    private static Task<List<DataProtectionKey>> StoredKeysAsync(FactCheckApp app) =>
        app.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
}
