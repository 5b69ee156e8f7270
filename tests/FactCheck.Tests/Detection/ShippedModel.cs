using FactCheck.Detection;

namespace FactCheck.Tests.Detection;

/// <summary>The shipped model, loaded once for all detection tests.</summary>
public sealed class ShippedModel : IDisposable
{
    public CheckWorthinessModel Model { get; } = CheckWorthinessModel.LoadShipped();

    public ClaimDetector Detector => new(Model);

    public void Dispose() => Model.Dispose();
}
