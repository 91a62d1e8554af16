namespace StreamPredictor.FaultTests.Support;

/// <summary>A server's certificate and key (PEM files) and the authority its clients are checked against.</summary>
public sealed record ServerTls(string CertificateFile, string KeyFile, string CaFile);
