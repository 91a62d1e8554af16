namespace StreamPredictor.Connections.Tls;

/// <summary>
/// TLS on Orleans' own connections: silo to silo and client to gateway (Microsoft.Orleans.Connections.Security).
/// Bound from <c>Stream:Silo:Tls</c> on silos and <c>Stream:Client:Tls</c> on clients. Off unless a file is named.
/// </summary>
public sealed class EndpointTlsOptions
{
    /// <summary>This side's certificate: PEM (key in <see cref="KeyFile"/> or in the same file) or PKCS#12 (.pfx/.p12).</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The PEM private key of <see cref="CertificateFile"/>, when it is a separate file.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The password of a PKCS#12 file or of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// PEM bundle of the certificate authorities whose certificates this side accepts from the other; when empty,
    /// the system's trusted roots. A deployment normally has its own authority and names it here on every side.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>Silos only: clients must present a certificate the silo trusts (mutual TLS on the gateway).</summary>
    public bool MutualTls { get; set; }

    /// <summary>Whether TLS is configured: a certificate, or (a client without one) an authority to trust.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(CertificateFile) || !string.IsNullOrWhiteSpace(CaFile);
}
