using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace FactCheck.Web.Auth;

/// <summary>
/// The Data Protection key ring, which signs and encrypts sign-in cookies, bearer and refresh tokens
/// and antiforgery tokens. It is kept in the database: in the process's home folder (the default) a
/// second instance rejected the first's tokens and a recreated container signed everyone out.
/// </summary>
public static class KeyRing
{
    /// <summary>Keys are isolated by application name, which otherwise is the content root: it differs between installations.</summary>
    public const string ApplicationName = "FactCheck";

    public static IServiceCollection AddFactCheckKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<FactCheckDbContext>();
        return services;
    }
}
