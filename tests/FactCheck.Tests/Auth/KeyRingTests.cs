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
/// The Data Protection key ring (what signs cookies, bearer and refresh tokens) lives in the database,
/// encrypted with a certificate when one is configured. Each app here is a fresh host on the same
/// database, as a restarted or second instance is.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private const string Email = "eddie@newsroom.test";
    private const string CertificatePassword = "test-pfx-pass";

    private readonly string _certificates = Directory.CreateTempSubdirectory("factcheck-keyring-").FullName;

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
        // Without a certificate the key is stored as it is (the contrast for the encrypted case below).
        var key = Assert.Single(await StoredKeysAsync(app));
        Assert.Contains("<masterKey", key.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_certificate_the_stored_keys_are_encrypted_and_tokens_are_still_issued_and_accepted()
    {
        var certificate = TestCertificate.WritePfx(_certificates, "current", CertificatePassword);
        var settings = Certificate(certificate, CertificatePassword);
        await using var stack = TestStack.Embedded();
        string accessToken, refreshToken;
        await using (var first = new FactCheckApp(stack, settings, ownsStack: false))
        {
            await first.CreateUserAsync(Email, "Eddie Editor", ["Editor"]);
            using var client = first.CreateClient();
            var tokens = await BearerTokens.LogInAsync(client, Email);
            (accessToken, refreshToken) = (tokens.AccessToken, tokens.RefreshToken);
            Assert.Equal(HttpStatusCode.OK, await BearerTokens.MeAsync(client, accessToken));

            var key = Assert.Single(await StoredKeysAsync(first));
            Assert.Contains("EncryptedXmlDecryptor", key.Xml, StringComparison.Ordinal);
            Assert.Contains("<EncryptedKey", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);
        }

        // A new host with the same certificate decrypts the stored key: the tokens outlive the process.
        await using var second = new FactCheckApp(stack, settings, ownsStack: false);
        using var again = second.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await BearerTokens.MeAsync(again, accessToken));
        var refreshed = await BearerTokens.RefreshAsync(again, refreshToken);
        Assert.NotNull(refreshed);
        Assert.Equal(HttpStatusCode.OK, await BearerTokens.MeAsync(again, refreshed.AccessToken));
        Assert.Single(await StoredKeysAsync(second));
    }

    [Fact]
    public async Task After_a_certificate_rotation_the_previous_certificate_still_decrypts_the_keys_it_encrypted()
    {
        var old = TestCertificate.WritePfx(_certificates, "old", CertificatePassword);
        var current = TestCertificate.WritePfx(_certificates, "new", null);
        await using var stack = TestStack.Embedded();
        string accessToken;
        await using (var before = new FactCheckApp(stack, Certificate(old, CertificatePassword), ownsStack: false))
        {
            await before.CreateUserAsync(Email, "Eddie Editor", ["Editor"]);
            using var client = before.CreateClient();
            accessToken = (await BearerTokens.LogInAsync(client, Email)).AccessToken;
        }

        var rotated = Certificate(current, null);
        rotated["FactCheck:DataProtection:PreviousCertificatePath"] = old;
        rotated["FactCheck:DataProtection:PreviousCertificatePassword"] = CertificatePassword;
        await using (var after = new FactCheckApp(stack, rotated, ownsStack: false))
        {
            using var client = after.CreateClient();
            Assert.Equal(HttpStatusCode.OK, await BearerTokens.MeAsync(client, accessToken));
        }

        // The encryption is real: with the new certificate alone the old key cannot be read.
        await using var withoutPrevious = new FactCheckApp(stack, Certificate(current, null), ownsStack: false);
        using var refused = withoutPrevious.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, await BearerTokens.MeAsync(refused, accessToken));
    }

    [Fact]
    public async Task A_configured_certificate_that_cannot_be_used_stops_the_start_and_says_why()
    {
        var protectedPfx = TestCertificate.WritePfx(_certificates, "protected", CertificatePassword);
        var missing = Path.Combine(_certificates, "missing.pfx");
        await using var stack = TestStack.Embedded();

        Assert.Contains($"CertificatePath ({missing}): no such file", await StartFailureAsync(stack, Certificate(missing, null)), StringComparison.Ordinal);
        Assert.Contains("cannot be read as a PKCS#12 (PFX) file", await StartFailureAsync(stack, Certificate(protectedPfx, "wrong")), StringComparison.Ordinal);
        var keyless = TestCertificate.WritePfx(_certificates, "keyless", null, withPrivateKey: false);
        Assert.Contains("has no RSA private key", await StartFailureAsync(stack, Certificate(keyless, null)), StringComparison.Ordinal);
        var previousAlone = new Dictionary<string, string?> { ["FactCheck:DataProtection:PreviousCertificatePath"] = protectedPfx };
        Assert.Contains("PreviousCertificatePath is set without CertificatePath", await StartFailureAsync(stack, previousAlone), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_certificates, recursive: true);

    private static Dictionary<string, string?> Certificate(string path, string? password) => new()
    {
        ["FactCheck:DataProtection:CertificatePath"] = path,
        ["FactCheck:DataProtection:CertificatePassword"] = password,
    };

    private static Task<List<DataProtectionKey>> StoredKeysAsync(FactCheckApp app) =>
        app.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());

    /// <summary>The message of the error the host stopped with.</summary>
    private static async Task<string> StartFailureAsync(TestStack stack, Dictionary<string, string?> settings)
    {
        await using var app = new FactCheckApp(stack, settings, ownsStack: false);
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is InvalidOperationException && e.Message.Contains(KeyRingOptions.Section, StringComparison.Ordinal))
                return e.Message;
        }

        return error.ToString();
    }
}
