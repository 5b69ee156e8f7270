namespace FactCheck.Detection;

/// <summary>What the model file says about itself.</summary>
/// <param name="TrainedAt">When it was trained (UTC); absent from models written before it was recorded.</param>
public sealed record ModelMetadata(string Encoder, double Threshold, int TrainingSentences, double CrossValidatedF1, string TrainedOn, DateTime? TrainedAt = null);
