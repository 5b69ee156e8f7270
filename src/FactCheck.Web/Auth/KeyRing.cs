using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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

    public static IServiceCollection AddFactCheckKeyRing(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var keys = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<FactCheckDbContext>();

        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (!string.IsNullOrWhiteSpace(options.PreviousCertificatePath))
                throw new InvalidOperationException($"{KeyRingOptions.Section}:PreviousCertificatePath is set without CertificatePath: set CertificatePath to the certificate that replaced it.");
            return services;
        }

        // Loaded now, so a missing or unreadable certificate stops the start instead of the first sign-in.
        keys.ProtectKeysWithCertificate(Load(nameof(KeyRingOptions.CertificatePath), options.CertificatePath, nameof(KeyRingOptions.CertificatePassword), options.CertificatePassword));
        if (!string.IsNullOrWhiteSpace(options.PreviousCertificatePath))
        {
            keys.UnprotectKeysWithAnyCertificate(Load(
                nameof(KeyRingOptions.PreviousCertificatePath), options.PreviousCertificatePath, nameof(KeyRingOptions.PreviousCertificatePassword), options.PreviousCertificatePassword));
        }

        return services;
    }

    private static X509Certificate2 Load(string pathSetting, string path, string passwordSetting, string? password)
    {
        var where = $"{KeyRingOptions.Section}:{pathSetting} ({path})";
        if (!File.Exists(path))
            throw new InvalidOperationException($"{where}: no such file. The key ring's certificate must be a PKCS#12 (PFX) file readable by this process.");

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{where} cannot be read by this process: {e.Message}", e);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{where} cannot be read as a PKCS#12 (PFX) file with the password in {passwordSetting}: {e.Message}", e);
        }

        // The same certificate decrypts the keys again, so it needs its private key; XML encryption needs RSA.
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{where} has no RSA private key: the key ring is encrypted with RSA and decrypted with the same certificate.");
        }

        return certificate;
    }
}
