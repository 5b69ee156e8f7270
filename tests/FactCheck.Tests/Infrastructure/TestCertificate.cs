using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FactCheck.Tests.Infrastructure;

/// <summary>Self-signed RSA certificates made for a test, written as PFX files like the one a deployment mounts for the key ring.</summary>
public static class TestCertificate
{
    /// <param name="withPrivateKey">False: the certificate alone, as a PFX exported without its key would be.</param>
    public static string WritePfx(string directory, string name, string? password, bool withPrivateKey = true)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=FactCheck test {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.RawData);
        var path = Path.Combine(directory, name + ".pfx");
        File.WriteAllBytes(path, (withPrivateKey ? certificate : publicOnly).ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
        return path;
    }
}
