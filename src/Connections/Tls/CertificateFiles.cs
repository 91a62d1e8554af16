using System.Security.Cryptography.X509Certificates;

namespace StreamPredictor.Connections.Tls;

/// <summary>Loads certificates from files, failing with one line that names the setting and the file.</summary>
public static class CertificateFiles
{
    /// <summary>A certificate with its private key: PEM (key beside it or in the same file) or PKCS#12.</summary>
    public static X509Certificate2 LoadWithKey(string setting, string certificateFile, string? keyFile, string? password)
    {
        Require(setting, certificateFile);
        try
        {
            if (!string.IsNullOrWhiteSpace(keyFile))
            {
                Require(setting.Replace("CertificateFile", "KeyFile", StringComparison.Ordinal), keyFile);
                return string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(certificateFile, keyFile)
                    : X509Certificate2.CreateFromEncryptedPemFile(certificateFile, password, keyFile);
            }

            return IsPem(certificateFile)
                ? X509Certificate2.CreateFromPemFile(certificateFile)
                : X509CertificateLoader.LoadPkcs12FromFile(certificateFile, password);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new InvalidOperationException($"{setting} '{certificateFile}': not a certificate with its private key ({e.Message})", e);
        }
    }

    /// <summary>Every certificate in a PEM bundle; at least one.</summary>
    public static X509Certificate2Collection LoadBundle(string setting, string pemFile)
    {
        Require(setting, pemFile);
        var bundle = new X509Certificate2Collection();
        try
        {
            bundle.ImportFromPemFile(pemFile);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new InvalidOperationException($"{setting} '{pemFile}': not a PEM certificate bundle ({e.Message})", e);
        }

        return bundle.Count > 0 ? bundle : throw new InvalidOperationException($"{setting} '{pemFile}': holds no PEM certificate");
    }

    private static void Require(string setting, string file)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{setting} '{file}' does not exist", file);
        }
    }

    private static bool IsPem(string file)
    {
        using var reader = new StreamReader(file);
        var buffer = new char[64];
        var read = reader.ReadBlock(buffer);
        return new string(buffer, 0, read).TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);
    }
}
