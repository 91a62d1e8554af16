using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using StreamPredictor.Connections.Tls;

namespace StreamPredictor.FaultTests;

/// <summary>The trust rule on its own: a certificate must chain to the configured authority and be within its validity.</summary>
public sealed class CertificateTrustTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public void A_certificate_of_the_authority_is_accepted_and_others_are_not()
    {
        var authority = _certificates.CreateAuthority("cluster");
        var trust = new CertificateTrust(CertificateFiles.LoadBundle("CaFile", authority.CaFile));
        using var valid = Load(authority.Issue("valid"));
        using var expired = Load(authority.Issue("expired", DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1)));
        using var notYet = Load(authority.Issue("not-yet", DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(30)));
        using var stranger = Load(_certificates.CreateAuthority("other").Issue("stranger"));

        Assert.True(trust.Accepts(valid, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(trust.Accepts(expired, null, SslPolicyErrors.None));
        Assert.False(trust.Accepts(notYet, null, SslPolicyErrors.None));
        Assert.False(trust.Accepts(stranger, null, SslPolicyErrors.None));
        Assert.False(trust.Accepts(null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void Without_an_authority_the_platform_verdict_stands()
    {
        var trust = new CertificateTrust(null);
        using var certificate = Load(_certificates.CreateAuthority("cluster").Issue("valid"));

        Assert.True(trust.Accepts(certificate, null, SslPolicyErrors.None));
        Assert.False(trust.Accepts(certificate, null, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    private static X509Certificate2 Load(TestCertificates.PemPair pair) =>
        CertificateFiles.LoadWithKey("CertificateFile", pair.CertificateFile, pair.KeyFile, null);
}
