using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace StreamPredictor.Connections.Tls;

/// <summary>
/// Decides whether the other side's certificate is acceptable. With a configured authority, the certificate must
/// chain to it and be within its validity period; the host name is not checked, since silos reach each other
/// by address (membership is by authority). Without one, the platform's verdict stands, names included.
/// </summary>
public sealed class CertificateTrust(X509Certificate2Collection? authorities)
{
    public bool Accepts(X509Certificate2? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        if (authorities is null)
        {
            return errors == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }
}
