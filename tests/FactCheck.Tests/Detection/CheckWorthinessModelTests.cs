using System.Runtime.InteropServices;
using FactCheck.Detection;
using FactCheck.Tests.Infrastructure;

namespace FactCheck.Tests.Detection;

/// <summary>The shipped model as the app uses it: one per process, shared by every test and test host.</summary>
public sealed partial class CheckWorthinessModelTests
{
    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);

    [Fact]
    public void The_shipped_model_separates_a_checkable_statement_from_small_talk()
    {
        var scores = CheckWorthinessModel.Shared.Score(["Unemployment fell to 4.2 percent in 2019, the lowest rate in 50 years.", "Thank you very much, it is good to be here."]);
        Assert.True(scores[0] >= CheckWorthinessModel.Shared.Threshold, $"statement scored {scores[0]:F3}");
        Assert.True(scores[1] < CheckWorthinessModel.Shared.Threshold, $"small talk scored {scores[1]:F3}");
        Assert.InRange(CheckWorthinessModel.Shared.Threshold, 0.05, 0.95);
        Assert.Equal("arctic-embed-xs", CheckWorthinessModel.Shared.Metadata.Encoder);
    }

    [Fact]
    public void Onnx_runtime_telemetry_is_off_in_the_native_environment()
    {
        _ = CheckWorthinessModel.Shared.Threshold;
        Assert.Equal("1", Marshal.PtrToStringUTF8(GetEnv("ORT_DISABLE_TELEMETRY")));
    }

    [Fact]
    public void The_data_files_load_with_the_published_counts_despite_the_joined_line()
    {
        var train = CheckWorthinessData.Load(TrainingData.File("train.tsv"));
        var dev = CheckWorthinessData.Load(TrainingData.File("dev.tsv"));
        Assert.Equal((22_501, 5_413), (train.Count, train.Count(s => s.CheckWorthy)));
        Assert.Equal((1_032, 238), (dev.Count, dev.Count(s => s.CheckWorthy)));
        Assert.Contains(train, s => s is { Id: "29286", Text: "You can't bring back jobs.", CheckWorthy: false });
        Assert.DoesNotContain(dev, s => s.Text.EndsWith('\r'));
    }
}
