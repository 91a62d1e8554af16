using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using StreamPredictor.Client.Advanced;
using StreamPredictor.Client.Cluster;
using StreamPredictor.Ticks;

namespace StreamPredictor.Client.Tests.Surface;

/// <summary>What a developer sees of the SDK: no Orleans types outside the advanced entry point, a mockable interface, shipped docs, no server baggage.</summary>
public sealed class PublicSurfaceTests
{
    private static readonly Assembly Sdk = typeof(IStreamClient).Assembly;

    [Fact]
    public void No_Orleans_type_appears_in_the_public_surface_outside_the_advanced_entry_point()
    {
        var leaks = Sdk.GetExportedTypes()
            .Where(t => t.Namespace != typeof(StreamClientFactory).Namespace)
            .SelectMany(t => SignatureTypes(t).Select(used => (Type: t, Used: used)))
            .Where(x => IsOrleans(x.Used))
            .Select(x => $"{x.Type.FullName} uses {x.Used.FullName}")
            .Distinct()
            .ToList();

        Assert.Empty(leaks);
        Assert.Contains(SignatureTypes(typeof(StreamClientFactory)), IsOrleans);
    }

    [Fact]
    public async Task IStreamClient_can_be_replaced_by_a_test_double()
    {
        var forecast = new Forecast("BTCUSD", new DateOnly(2025, 1, 2), 100, [], "naive", 0, new DateOnly(2025, 1, 1), DateTimeOffset.UnixEpoch);
        var client = DispatchProxy.Create<IStreamClient, CannedForecast>();
        ((CannedForecast)(object)client).Forecast = forecast;

        Assert.Same(forecast, await client.GetForecastAsync("BTCUSD"));
    }

    [Theory]
    [InlineData(typeof(IStreamClient))]
    [InlineData(typeof(StreamClusterClientOptions))]
    [InlineData(typeof(Tick))]
    [InlineData(typeof(TickReader))]
    [InlineData(typeof(StreamPredictor.Connections.Tls.EndpointTlsOptions))]
    public void Each_SDK_assembly_ships_its_XML_documentation_with_every_public_type_documented(Type sample)
    {
        var assembly = sample.Assembly;
        var xml = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.True(File.Exists(xml), $"{xml} is missing");
        var documented = XDocument.Load(xml).Descendants("member")
            .Where(m => !string.IsNullOrWhiteSpace(m.Element("summary")?.Value))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet();

        var missing = assembly.GetExportedTypes()
            .Where(t => !t.Namespace!.StartsWith("OrleansCodeGen", StringComparison.Ordinal))
            .Select(t => "T:" + t.FullName!.Replace('+', '.'))
            .Where(id => !documented.Contains(id))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void The_ingest_call_is_documented_for_IntelliSense()
    {
        var xml = XDocument.Load(Path.ChangeExtension(Sdk.Location, ".xml"));
        var ingest = xml.Descendants("member").Single(m => ((string)m.Attribute("name")!).StartsWith("M:StreamPredictor.Client.IStreamClient.IngestFileAsync", StringComparison.Ordinal));

        Assert.Contains("tick file", ingest.Element("summary")!.Value, StringComparison.Ordinal);
        Assert.Equal(["symbol", "path", "options", "progress", "cancellationToken"], ingest.Elements("param").Select(p => (string)p.Attribute("name")!));
    }

    [Fact]
    public void A_gateway_only_app_carries_no_Redis_NATS_or_TorchSharp()
    {
        string[] serverSide = ["StackExchange.Redis", "NATS", "TorchSharp", "Orleans.Clustering.Redis", "Orleans.Streaming.NATS", "StreamPredictor.Grains", "StreamPredictor.Connections.Services"];

        var referenced = Sdk.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var deps = File.ReadAllText(RepositoryFiles.PathOf("samples", "StreamPredictor.Sample", "bin", Configuration, "net10.0", "StreamPredictor.Sample.deps.json"));
        var libraries = JsonDocument.Parse(deps).RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToList();

        Assert.DoesNotContain(referenced, name => serverSide.Any(name.StartsWith));
        Assert.Contains(libraries, name => name.StartsWith("StreamPredictor.Client/", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, name => serverSide.Any(name.StartsWith));
    }

    private static string Configuration => Sdk.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    private static bool IsOrleans(Type type) =>
        type.Assembly.GetName().Name!.StartsWith("Orleans", StringComparison.Ordinal) || typeof(IAddressable).IsAssignableFrom(type);

    /// <summary>Every type a public or protected member of <paramref name="type"/> names, generic arguments included.</summary>
    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            named.Add(baseType);
        }

        named.AddRange(type.GetInterfaces());
        foreach (var member in type.GetMembers(visible | BindingFlags.NonPublic))
        {
            switch (member)
            {
                case MethodBase method when method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly:
                    named.AddRange(method.GetParameters().Select(p => p.ParameterType));
                    if (method is MethodInfo info)
                    {
                        named.Add(info.ReturnType);
                    }

                    break;
                case PropertyInfo property when property.GetMethod is { IsPublic: true } or { IsFamily: true }:
                    named.Add(property.PropertyType);
                    break;
                case FieldInfo field when field.IsPublic || field.IsFamily:
                    named.Add(field.FieldType);
                    break;
            }
        }

        return named.SelectMany(Flatten);
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            return Flatten(type.GetElementType()!);
        }

        return type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Flatten)] : [type];
    }

    /// <summary>A hand-rolled double: what a mocking library builds from the interface.</summary>
    public class CannedForecast : DispatchProxy
    {
        public Forecast? Forecast { get; set; }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IStreamClient.GetForecastAsync)
                ? Task.FromResult(Forecast)
                : throw new NotSupportedException(targetMethod?.Name);
    }
}
