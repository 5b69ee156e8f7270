namespace FactCheck.Web.Auth;

/// <summary>Settings under <c>FactCheck:DataProtection</c>: the certificate that encrypts the key ring in the database.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "FactCheck:DataProtection";

    /// <summary>A PKCS#12 (PFX) file with an RSA key. Unset: the keys are stored unencrypted (a warning at start-up says so).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>
    /// The certificate <see cref="CertificatePath"/> replaced: it only decrypts the keys it encrypted,
    /// which stay in use until they expire.
    /// </summary>
    public string? PreviousCertificatePath { get; set; }

    public string? PreviousCertificatePassword { get; set; }
}
