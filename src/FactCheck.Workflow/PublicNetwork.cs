using System.Net;
using System.Net.Sockets;

namespace FactCheck.Workflow;

/// <summary>
/// Outbound HTTP to addresses that users typed (source links, webhook URLs) must not reach the
/// newsroom's own network: such requests connect through <see cref="ConnectAsync"/>.
/// </summary>
public static class PublicNetwork
{
    /// <summary>
    /// Connects only to public addresses, so neither a link nor a redirect can reach the newsroom's
    /// own network (the DNS answer is checked where it is used, not before).
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var target = addresses.FirstOrDefault(a => !IsPrivate(a))
            ?? throw new PrivateAddressException($"{host} resolves to a private or local network address; nothing is fetched from there.");
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Loopback, private, link-local, shared, benchmarking, multicast and reserved ranges, also inside IPv6 translations.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast)
            return true;
        var b = address.GetAddressBytes();
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address, which decides.
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
                return IsPrivate(new IPAddress(b.AsSpan(12, 4)));
            if (b[0] == 0x20 && b[1] == 0x02)
                return IsPrivate(new IPAddress(b.AsSpan(2, 4)));
            return address.Equals(IPAddress.IPv6Any);
        }

        return b[0] is 10 or 127 or 0 or >= 224
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 192 && b[1] == 0 && b[2] == 0)
            || (b[0] == 198 && b[1] is 18 or 19)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}
