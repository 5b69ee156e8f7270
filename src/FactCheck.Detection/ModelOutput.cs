namespace FactCheck.Detection;

internal sealed class ModelOutput
{
    public float Probability { get; set; }
}
