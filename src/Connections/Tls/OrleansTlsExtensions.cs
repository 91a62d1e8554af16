using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace StreamPredictor.Connections.Tls;

/// <summary>TLS for Orleans connections from <see cref="EndpointTlsOptions"/>, the same rules on silos and clients.</summary>
public static class OrleansTlsExtensions
{
    /// <summary>
    /// Silo-to-silo and gateway connections over TLS with this silo's certificate. Silos always authenticate each
    /// other (both present certificates); clients must present one only with <see cref="EndpointTlsOptions.MutualTls"/>.
    /// </summary>
    public static ISiloBuilder UseStreamTls(this ISiloBuilder silo, EndpointTlsOptions tls, string section)
    {
        ArgumentNullException.ThrowIfNull(tls);
        if (string.IsNullOrWhiteSpace(tls.CertificateFile))
        {
            throw new InvalidOperationException($"{section}:CertificateFile is required for TLS on a silo (its {section}:CaFile is set)");
        }

        var certificate = CertificateFiles.LoadWithKey($"{section}:CertificateFile", tls.CertificateFile, tls.KeyFile, tls.CertificatePassword);
        var trust = Trust(tls, section);
        return silo.UseTls(certificate, options =>
        {
            options.LocalClientCertificateSelector = Always(certificate);
            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.ClientCertificateMode = tls.MutualTls ? RemoteCertificateMode.RequireCertificate : RemoteCertificateMode.AllowCertificate;
            options.RemoteCertificateValidation = trust.Accepts;
        });
    }

    /// <summary>Gateway connections over TLS; the client presents its certificate when it has one (mutual TLS).</summary>
    public static IClientBuilder UseStreamTls(this IClientBuilder client, EndpointTlsOptions tls, string section)
    {
        ArgumentNullException.ThrowIfNull(tls);
        var trust = Trust(tls, section);
        var certificate = string.IsNullOrWhiteSpace(tls.CertificateFile)
            ? null
            : CertificateFiles.LoadWithKey($"{section}:CertificateFile", tls.CertificateFile, tls.KeyFile, tls.CertificatePassword);
        return client.UseTls(options =>
        {
            options.LocalCertificate = certificate;
            if (certificate is not null)
            {
                options.LocalClientCertificateSelector = Always(certificate);
            }

            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.RemoteCertificateValidation = trust.Accepts;
        });
    }

    /// <summary>
    /// Presents this certificate whatever issuers the server names. .NET's default choice skips a certificate
    /// whose authority is not among them, and a server on Linux names its system roots, not a private authority.
    /// </summary>
    private static Func<object, string, X509CertificateCollection, X509Certificate?, string[], X509Certificate2?> Always(X509Certificate2 certificate) =>
        (_, _, _, _, _) => certificate;

    private static CertificateTrust Trust(EndpointTlsOptions tls, string section) =>
        new(string.IsNullOrWhiteSpace(tls.CaFile) ? null : CertificateFiles.LoadBundle($"{section}:CaFile", tls.CaFile));
}
