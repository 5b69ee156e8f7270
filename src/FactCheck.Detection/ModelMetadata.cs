namespace FactCheck.Detection;

/// <summary>What the model file says about itself.</summary>
public sealed record ModelMetadata(string Encoder, double Threshold, int TrainingSentences, double CrossValidatedF1, string TrainedOn);
