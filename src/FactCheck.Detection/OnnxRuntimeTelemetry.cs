using System.Runtime.InteropServices;

namespace FactCheck.Detection;

/// <summary>
/// ONNX Runtime sends telemetry unless ORT_DISABLE_TELEMETRY=1 is in the process environment when it
/// loads. .NET's Environment.SetEnvironmentVariable only changes the runtime's own copy on Unix, so
/// libc's setenv is called too. A newsroom tool makes no outside calls.
/// </summary>
internal static partial class OnnxRuntimeTelemetry
{
    private static readonly Lock Gate = new();
    private static bool _disabled;

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);

    /// <summary>Call before the first ONNX Runtime call of the process.</summary>
    public static void Disable()
    {
        lock (Gate)
        {
            if (_disabled)
                return;
            Environment.SetEnvironmentVariable("ORT_DISABLE_TELEMETRY", "1");
            if (!OperatingSystem.IsWindows() && SetEnv("ORT_DISABLE_TELEMETRY", "1", 1) != 0)
                throw new InvalidOperationException("Could not set ORT_DISABLE_TELEMETRY for ONNX Runtime.");
            _disabled = true;
        }
    }
}
