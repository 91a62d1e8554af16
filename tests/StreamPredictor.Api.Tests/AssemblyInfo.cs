// One silo at a time: OpenTelemetry's exporters listen to meters by name across the process, so a second silo's
// grains would add to the figures the metrics tests read from the first one's /metrics.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
