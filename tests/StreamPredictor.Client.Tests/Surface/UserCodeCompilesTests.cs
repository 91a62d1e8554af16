using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StreamPredictor.Client.Tests.Surface;

/// <summary>The product's names never clash with user code: an app can use System.IO.Stream beside the SDK.</summary>
public sealed class UserCodeCompilesTests
{
    private const string UserCode = """
        using System.IO;
        using System.Threading.Tasks;
        using StreamPredictor.Abstractions.Forecasting;
        using StreamPredictor.Abstractions.Market;
        using StreamPredictor.Client;

        public static class UserCode
        {
            public static long Length(string p)
            {
                Stream s = File.OpenRead(p);
                using (s)
                {
                    return s.Length;
                }
            }

            public static async Task<long> Ingest(IStreamClient client, string p)
            {
                using Stream copy = File.OpenRead(p);
                IngestResult result = await client.IngestFileAsync("BTCUSD", p);
                Forecast? next = await client.GetForecastAsync("BTCUSD");
                return result.TicksSent + copy.Length + (next is null ? 0 : 1) + new Tick().Timestamp;
            }
        }
        """;

    [Fact]
    public void Code_using_System_IO_Stream_compiles_against_the_SDK()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "UserApp",
            [CSharpSyntaxTree.ParseText(UserCode)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());

        Assert.Empty(errors);
    }

    [Fact]
    public void No_SDK_type_or_namespace_is_named_Stream()
    {
        var types = new[] { typeof(IStreamClient), typeof(Tick), typeof(StreamPredictor.Ticks.TickReader), typeof(StreamPredictor.Client.Cluster.StreamClusterClientOptions) }
            .SelectMany(t => t.Assembly.GetTypes())
            .ToList();

        Assert.DoesNotContain(types, t => t.Name == "Stream");
        Assert.DoesNotContain(types, t => t.Namespace is { } ns && ns.Split('.').Contains("Stream"));
    }
}
