namespace StreamPredictor.Integration.Tests.Support;

/// <summary>Fails incoming grain calls that <see cref="CallFaults"/> names, as a lost message or a crashed callee would.</summary>
public sealed class CallFaultFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (CallFaults.ShouldFail(context.TargetId.Key.ToString()!, context.InterfaceMethod.Name))
        {
            throw new TimeoutException($"injected failure of {context.InterfaceMethod.Name} on {context.TargetId}");
        }

        return context.Invoke();
    }
}
