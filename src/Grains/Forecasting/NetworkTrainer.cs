using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamPredictor.Grains.Forecasting;

/// <summary>
/// The training loop: Adam on MSE (or L1) over shuffled mini-batches, as Keras' <c>fit</c> does; the validation windows
/// (the last ones, unshuffled) drive early stopping and the best weights are kept. With
/// <paramref name="initialIsCandidate"/> the untrained network counts as epoch 0: a network whose output starts at a
/// baseline (the day-feature models start at <c>last</c>, a target of 0) keeps the baseline unless its best epoch beats it
/// on the validation windows clearly: the paired differences of absolute errors must have a t statistic below
/// −<see cref="TrainingOptions.Significance"/> (default <see cref="TrainingOptions.DefaultSignificance"/>; 0 turns the check off), so a gain the size of
/// the noise, found by picking the best of many epochs, does not count.
/// </summary>
internal sealed class NetworkTrainer(
    nn.Module<Tensor, Tensor> network,
    Device device,
    TrainingOptions options,
    string modelName,
    bool absoluteLoss = false,
    bool initialIsCandidate = false)
{
    public FitResult Fit(WindowSet windows, int trainCount, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var rng = new Random(options.Seed);
        var order = Enumerable.Range(0, trainCount).ToArray();
        var validation = Enumerable.Range(trainCount, windows.Count - trainCount).ToArray();
        using var optimizer = torch.optim.Adam(network.parameters(), options.LearningRate);
        var started = Stopwatch.GetTimestamp();
        var best = double.PositiveInfinity;
        Dictionary<string, Tensor>? bestState = null;
        Dictionary<string, Tensor>? initialState = null;
        var keptBaseline = false;
        var sinceBest = 0;
        double loss = double.NaN;
        double? validationLoss = null;
        var epoch = 0;
        try
        {
            if (initialIsCandidate && validation.Length > 0)
            {
                best = Evaluate(windows, validation);
                bestState = CopyState();
                initialState = CopyState();
                keptBaseline = true;
            }

            while (epoch < options.Epochs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                epoch++;
                rng.Shuffle(order);
                loss = TrainEpoch(windows, order, optimizer, cancellationToken);
                if (validation.Length > 0)
                {
                    validationLoss = Evaluate(windows, validation);
                    if (validationLoss < best)
                    {
                        keptBaseline = false;
                        best = validationLoss.Value;
                        sinceBest = 0;
                        DisposeState(bestState);
                        bestState = CopyState();
                    }
                    else
                    {
                        sinceBest++;
                    }
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                var stopping = options.Patience > 0 && validation.Length > 0 && sinceBest >= options.Patience;
                var remaining = stopping ? TimeSpan.Zero : elapsed / epoch * (options.Epochs - epoch);
                progress?.Report(new TrainingProgress(modelName, epoch, options.Epochs, loss, validationLoss, elapsed, remaining));
                if (stopping) break;
            }

            if (bestState is not null)
            {
                network.load_state_dict(bestState);
                validationLoss = best;
            }

            if (initialState is not null && !keptBaseline && options.Significance > 0 && !BeatsBaseline(windows, validation))
            {
                network.load_state_dict(initialState);
                validationLoss = Evaluate(windows, validation);
                keptBaseline = true;
            }
        }
        finally
        {
            DisposeState(bestState);
            DisposeState(initialState);
        }

        return new FitResult(epoch, loss, validationLoss, keptBaseline);
    }

    /// <summary>Whether the network's absolute errors on <paramref name="indices"/> beat the baseline's (a target of 0) by more than <see cref="TrainingOptions.Significance"/> standard errors.</summary>
    private bool BeatsBaseline(WindowSet windows, int[] indices)
    {
        network.eval();
        using var noGrad = torch.no_grad();
        var gains = new double[indices.Length];
        for (var start = 0; start < indices.Length; start += 1024)
        {
            var batch = indices.AsSpan(start, Math.Min(1024, indices.Length - start));
            using var scope = torch.NewDisposeScope();
            var (x, _) = Batch(windows, batch);
            var outputs = network.call(x).cpu().data<float>().ToArray();
            for (var i = 0; i < batch.Length; i++)
            {
                var target = windows.Targets[batch[i]];
                gains[start + i] = Math.Abs(target) - Math.Abs(outputs[i] - target);
            }
        }

        var mean = gains.Average();
        var spread = Math.Sqrt(gains.Sum(g => (g - mean) * (g - mean)) / Math.Max(1, gains.Length - 1));
        return spread > 0 && mean / (spread / Math.Sqrt(gains.Length)) > options.Significance;
    }

    private double TrainEpoch(WindowSet windows, int[] order, optim.Optimizer optimizer, CancellationToken cancellationToken)
    {
        network.train();
        double total = 0;
        for (var start = 0; start < order.Length; start += options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.AsSpan(start, Math.Min(options.BatchSize, order.Length - start));
            using var scope = torch.NewDisposeScope();
            var (x, y) = Batch(windows, batch);
            optimizer.zero_grad();
            var loss = Loss(network.call(x), y);
            loss.backward();
            optimizer.step();
            total += loss.item<float>() * batch.Length;
        }

        return total / Math.Max(1, order.Length);
    }

    private double Evaluate(WindowSet windows, int[] indices)
    {
        network.eval();
        using var noGrad = torch.no_grad();
        double total = 0;
        for (var start = 0; start < indices.Length; start += 1024)
        {
            var batch = indices.AsSpan(start, Math.Min(1024, indices.Length - start));
            using var scope = torch.NewDisposeScope();
            var (x, y) = Batch(windows, batch);
            total += Loss(network.call(x), y).item<float>() * batch.Length;
        }

        return total / indices.Length;
    }

    private Tensor Loss(Tensor predicted, Tensor actual) =>
        absoluteLoss ? nn.functional.l1_loss(predicted, actual) : nn.functional.mse_loss(predicted, actual);

    private (Tensor X, Tensor Y) Batch(WindowSet windows, ReadOnlySpan<int> batch)
    {
        var size = windows.Window * windows.Features;
        var inputs = new float[batch.Length * size];
        var targets = new float[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            windows.Input(batch[i]).CopyTo(inputs.AsSpan(i * size, size));
            targets[i] = windows.Targets[batch[i]];
        }

        return (torch.tensor(inputs, [batch.Length, windows.Window, windows.Features]).to(device), torch.tensor(targets, [batch.Length, 1]).to(device));
    }

    private Dictionary<string, Tensor> CopyState()
    {
        using var noGrad = torch.no_grad();
        return network.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
    }

    private static void DisposeState(Dictionary<string, Tensor>? state)
    {
        if (state is null) return;
        foreach (var tensor in state.Values)
        {
            tensor.Dispose();
        }
    }
}
