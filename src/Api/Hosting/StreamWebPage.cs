using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace StreamPredictor.Api.Hosting;

/// <summary>
/// The live web page at <c>/</c>: static files embedded in this assembly (<c>wwwroot/</c>), served before
/// authentication because they hold no data; the page asks for a key and reads everything through the API with it.
/// </summary>
public static class StreamWebPage
{
    /// <summary>Scripts and styles only from this origin, no inline code, no framing, API calls only to this origin.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static WebApplication UseStreamWebPage(this WebApplication app)
    {
        var files = new ManifestEmbeddedFileProvider(typeof(StreamWebPage).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return app;
    }
}
