using StreamPredictor.Abstractions.Forecasting;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamPredictor.Grains.Forecasting.Ensembles;
using StreamPredictor.Grains.Forecasting.Features;
using StreamPredictor.Grains.Forecasting.Models;
using TorchSharp;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// A trained model as one self-describing blob: the magic <c>STRMFCST</c>, a format version, the length-prefixed UTF-8 JSON
/// of a <see cref="ModelHeader"/> (spec, scaler or feature scaling, training summary, conformal quantiles), then the
/// TorchSharp state dict of the network (absent for naive and last), or, for an ensemble, its members' blobs, each
/// length-prefixed. Loading rebuilds the network from the spec on the CPU, loads the weights, then moves it to the device,
/// so a blob trained anywhere forecasts the same anywhere. Format 2 added the feature scaling, the ensemble's members,
/// the spec's input and the calibration's volatility days; format 1 blobs load as they did.
/// </summary>
public static class ModelBlob
{
    public const int FormatVersion = 2;
    private const int OldestReadable = 1;
    private static readonly byte[] Magic = "STRMFCST"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void Save(IForecaster forecaster, System.IO.Stream stream)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentNullException.ThrowIfNull(stream);
        var ensemble = forecaster as EnsembleForecaster;
        var header = new ModelHeader(
            forecaster.Spec,
            forecaster.Scaler,
            forecaster.Training,
            forecaster.Calibration,
            forecaster is NeuralForecaster or FeatureForecaster,
            (forecaster as FeatureForecaster)?.Features,
            ensemble?.Members.Count ?? 0);
        var json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(json.Length);
        writer.Write(json);
        switch (forecaster)
        {
            case NeuralForecaster neural:
                neural.SaveWeights(writer);
                break;
            case FeatureForecaster features:
                features.SaveWeights(writer);
                break;
            case EnsembleForecaster { Members: var members }:
                foreach (var member in members)
                {
                    var bytes = ToBytes(member);
                    writer.Write(bytes.Length);
                    writer.Write(bytes);
                }

                break;
        }

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
        return header.Spec.Kind switch
        {
            ModelNames.Naive => new NaiveForecaster(header.Calibration, header.Training.TrainingDays),
            ModelNames.Last => new LastForecaster(header.Calibration, header.Training.TrainingDays),
            ModelNames.Ensemble => LoadEnsemble(reader, header),
            _ => LoadNetwork(reader, header),
        };
    }

    public static IForecaster FromBytes(byte[] blob)
    {
        using var memory = new MemoryStream(blob, writable: false);
        return Load(memory);
    }

    private static EnsembleForecaster LoadEnsemble(BinaryReader reader, ModelHeader header)
    {
        if (header.Members is < 1 or > 16) throw new InvalidDataException($"model blob: an ensemble of {header.Members} members");
        var members = new List<IForecaster>();
        try
        {
            for (var i = 0; i < header.Members; i++)
            {
                var length = reader.ReadInt32();
                if (length < 16) throw new InvalidDataException($"model blob: ensemble member {i + 1} of {length} bytes");
                members.Add(FromBytes(reader.ReadBytes(length)));
            }
        }
        catch
        {
            members.ForEach(m => m.Dispose());
            throw;
        }

        return new EnsembleForecaster(header.Spec, members, ownsMembers: true, header.Training, header.Calibration);
    }

    private static IForecaster LoadNetwork(BinaryReader reader, ModelHeader header)
    {
        if (!header.HasWeights) throw new InvalidDataException($"model blob: {header.Spec.Kind} without weights");
        var features = header.Spec.Input == ModelInput.DayFeatures;
        if (features ? header.Features is null : header.Scaler is null)
        {
            throw new InvalidDataException($"model blob: {header.Spec.Kind} without its {(features ? "feature scaling" : "scaler")}");
        }

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
            return features
                ? new FeatureForecaster(header.Spec, header.Features!, network, device, header.Training, header.Calibration)
                : new NeuralForecaster(header.Spec, header.Scaler!, network, device, header.Training, header.Calibration);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private static ModelHeader ReadHeader(BinaryReader reader)
    {
        var magic = reader.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("not a Stream model blob (bad magic)");
        var version = reader.ReadInt32();
        if (version is < OldestReadable or > FormatVersion)
        {
            throw new InvalidDataException($"model blob format {version} is not supported (this build reads {OldestReadable} to {FormatVersion})");
        }

        var length = reader.ReadInt32();
        if (length is < 2 or > 1 << 20) throw new InvalidDataException($"model blob: bad header length {length}");
        ModelHeader? header;
        try
        {
            header = JsonSerializer.Deserialize<ModelHeader>(reader.ReadBytes(length), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"model blob: unreadable header ({e.Message})", e);
        }

        if (header?.Spec is null) throw new InvalidDataException("model blob: the header names no model");
        if (!ModelNames.IsKnown(header.Spec.Kind)) throw new InvalidDataException($"model blob: unknown model '{header.Spec.Kind}'");
        return header;
    }
}
