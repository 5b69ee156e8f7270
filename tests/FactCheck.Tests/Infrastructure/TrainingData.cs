using FactCheck.Testing;

namespace FactCheck.Tests.Infrastructure;

/// <summary>The labelled check-worthiness sentences, read where they live in the repository (2.5 MB: not copied).</summary>
public static class TrainingData
{
    /// <summary>A file of src/FactCheck.Detection/Training, e.g. <c>File("dev.tsv")</c>.</summary>
    public static string File(string name) => Path.Combine(RepositoryRoot.Find(), "src", "FactCheck.Detection", "Training", name);
}
