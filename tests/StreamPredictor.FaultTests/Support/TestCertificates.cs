using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace StreamPredictor.FaultTests.Support;

/// <summary>
/// Certificate authorities and the certificates they sign, made in the test with System.Security.Cryptography
/// and written as PEM files (certificate and key) into a temporary folder removed on dispose.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("stream-certs-");

    /// <summary>A self-signed authority valid from 60 days ago for a year; its PEM certificate is the CA file.</summary>
    public Authority CreateAuthority(string name)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddYears(1));
        var file = Path.Combine(_directory.FullName, $"{name}.ca.pem");
        File.WriteAllText(file, certificate.ExportCertificatePem());
        return new Authority(this, certificate, file);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private PemPair Write(string name, X509Certificate2 certificate, ECDsa key)
    {
        var certificateFile = Path.Combine(_directory.FullName, $"{name}.pem");
        var keyFile = Path.Combine(_directory.FullName, $"{name}.key");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return new PemPair(certificateFile, keyFile);
    }

    public sealed record PemPair(string CertificateFile, string KeyFile);

    public sealed class Authority(TestCertificates owner, X509Certificate2 certificate, string caFile)
    {
        public string CaFile { get; } = caFile;

        /// <summary>A certificate for servers and clients alike (both key usages), for localhost and 127.0.0.1.</summary>
        public PemPair Issue(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(certificate, true, false));
            var serial = RandomNumberGenerator.GetBytes(12);
            using var issued = request.Create(certificate, notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(30), serial);
            return owner.Write(name, issued, key);
        }
    }
}
