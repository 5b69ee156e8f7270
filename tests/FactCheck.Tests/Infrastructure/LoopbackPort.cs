using System.Net;
using System.Net.Sockets;

namespace FactCheck.Tests.Infrastructure;

/// <summary>A loopback port no one listens on, for a process a test starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
