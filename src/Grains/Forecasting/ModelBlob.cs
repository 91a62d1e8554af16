using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamPredictor.Grains.Forecasting.Models;
using TorchSharp;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// A trained model as one self-describing blob: the magic <c>STRMFCST</c>, a format version, the length-prefixed UTF-8 JSON
/// of a <see cref="ModelHeader"/> (spec, scaler, target, training summary, conformal quantiles), then the TorchSharp state
/// dict of the network (absent for the naive model). Loading rebuilds the network from the spec on the CPU, loads the
/// weights, then moves it to the device, so a blob trained anywhere forecasts the same anywhere.
/// </summary>
public static class ModelBlob
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "STRMFCST"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void Save(IForecaster forecaster, System.IO.Stream stream)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentNullException.ThrowIfNull(stream);
        var neural = forecaster as NeuralForecaster;
        var header = new ModelHeader(forecaster.Spec, forecaster.Scaler, forecaster.Training, forecaster.Calibration, neural is not null);
        var json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(json.Length);
        writer.Write(json);
        neural?.SaveWeights(writer);
        writer.Flush();
    }

    public static byte[] ToBytes(IForecaster forecaster)
    {
        using var memory = new MemoryStream();
        Save(forecaster, memory);
        return memory.ToArray();
    }

    /// <summary>Reads only the header: what a blob holds, without building the network.</summary>
    public static ModelHeader ReadHeader(System.IO.Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        return ReadHeader(reader);
    }

    public static IForecaster Load(System.IO.Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var header = ReadHeader(reader);
        if (!header.HasWeights)
        {
            return new NaiveForecaster(header.Calibration, header.Training.TrainingDays);
        }

        if (header.Scaler is null) throw new InvalidDataException("model blob: a network without a scaler");
        torch.nn.Module<torch.Tensor, torch.Tensor> network;
        lock (TorchGate.Random)
        {
            network = ModelFactory.Create(header.Spec);
        }

        try
        {
            network.load(reader);
            var device = TorchRuntime.Device;
            network.to(device);
            return new NeuralForecaster(header.Spec, header.Scaler, network, device, header.Training, header.Calibration);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    public static IForecaster FromBytes(byte[] blob)
    {
        using var memory = new MemoryStream(blob, writable: false);
        return Load(memory);
    }

    private static ModelHeader ReadHeader(BinaryReader reader)
    {
        var magic = reader.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("not a Stream model blob (bad magic)");
        var version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"model blob format {version} is not supported (this build reads {FormatVersion})");
        var length = reader.ReadInt32();
        if (length is < 2 or > 1 << 20) throw new InvalidDataException($"model blob: bad header length {length}");
        var header = JsonSerializer.Deserialize<ModelHeader>(reader.ReadBytes(length), Json)
            ?? throw new InvalidDataException("model blob: empty header");
        if (!ModelNames.IsKnown(header.Spec.Kind)) throw new InvalidDataException($"model blob: unknown model '{header.Spec.Kind}'");
        return header;
    }
}
