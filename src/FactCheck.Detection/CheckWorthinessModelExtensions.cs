namespace FactCheck.Detection;

public static class CheckWorthinessModelExtensions
{
    public static IReadOnlyList<double> Score(this ICheckWorthinessModel model, IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Score(sentences, model.Embed(sentences));
    }
}
