using System.Diagnostics;
using System.Net;
using FactCheck.Tests.Infrastructure;
using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Tests.RealServices;

/// <summary>
/// Sign-ins work on every web instance and survive restarts: two FactCheck.Web processes with home
/// folders of their own (so the default file key ring could not be shared) on one PostgreSQL database.
/// </summary>
[Trait("Category", "RealServices")]
public sealed class SharedKeyRingTests(ITestOutputHelper output)
{
    private const string AdminEmail = "admin@newsroom.test";
    private const string AdminPassword = "Test-admin-Password-1";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_token_issued_by_one_web_process_is_accepted_and_refreshed_by_another_and_after_both_restart()
    {
        await using var stack = await TestStack.PostgreSqlAsync();
        var scratch = Directory.CreateTempSubdirectory("factcheck-keyring-").FullName;
        try
        {
            var password = "test-pfx-pass";
            var settings = new Dictionary<string, string>(stack.Settings)
            {
                ["FactCheck__Demo__Seed"] = "false",
                ["FactCheck__Workflow__RunConsumers"] = "false",
                ["FactCheck__Workflow__RunJobs"] = "false",
                ["FactCheck__Bootstrap__AdminEmail"] = AdminEmail,
                ["FactCheck__Bootstrap__AdminPassword"] = AdminPassword,
                // As in the compose file: the keys are encrypted with a certificate both instances are given.
                ["FactCheck__DataProtection__CertificatePath"] = TestCertificate.WritePfx(scratch, "dataprotection", password),
                ["FactCheck__DataProtection__CertificatePassword"] = password,
            };
            var clock = Stopwatch.StartNew();
            string accessToken, refreshed;
            await using (var a = await StartAsync(Home(scratch, "a1"), settings, "A"))
            await using (var b = await StartAsync(Home(scratch, "b1"), settings, "B"))
            {
                using var onA = a.CreateClient();
                using var onB = b.CreateClient();
                var tokens = await BearerTokens.LogInAsync(onA, AdminEmail, AdminPassword);
                accessToken = tokens.AccessToken;
                Assert.Equal(HttpStatusCode.OK, await BearerTokens.MeAsync(onA, accessToken));
                Assert.Equal(HttpStatusCode.OK, await BearerTokens.MeAsync(onB, accessToken));

                var renewed = await BearerTokens.RefreshAsync(onB, tokens.RefreshToken);
                Assert.True(renewed is not null, "B refused A's refresh token");
                refreshed = renewed.AccessToken;
                Assert.Equal(HttpStatusCode.OK, await BearerTokens.MeAsync(onA, refreshed));
                output.WriteLine($"two instances up and the tokens checked on both: {clock.ElapsedMilliseconds} ms");
            }

            // New processes, new homes: nothing but the database carries the keys over.
            await using (var a = await StartAsync(Home(scratch, "a2"), settings, "A (restarted)"))
            await using (var b = await StartAsync(Home(scratch, "b2"), settings, "B (restarted)"))
            {
                using var onA = a.CreateClient();
                using var onB = b.CreateClient();
                foreach (var token in new[] { accessToken, refreshed })
                {
                    Assert.Equal(HttpStatusCode.OK, await BearerTokens.MeAsync(onA, token));
                    Assert.Equal(HttpStatusCode.OK, await BearerTokens.MeAsync(onB, token));
                }
            }

            output.WriteLine($"restarted and checked again: {clock.ElapsedMilliseconds} ms");
            // One key, made by the first process, stored encrypted; no process wrote one to its home.
            await using var db = Database.CreateContext(DatabaseProvider.PostgreSql, stack.ConnectionString);
            var key = Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
            Assert.Contains("EncryptedXmlDecryptor", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(scratch, "*.xml", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Home(string scratch, string name) => Directory.CreateDirectory(Path.Combine(scratch, "home-" + name)).FullName;

    /// <summary>One at a time, as a rolling start would: the first makes the key, the next reads it.</summary>
    private async Task<WebProcess> StartAsync(string home, Dictionary<string, string> settings, string name)
    {
        output.WriteLine($"--- starting {name}");
        return await WebProcess.StartAsync(settings, output, home, StartTimeout);
    }
}
