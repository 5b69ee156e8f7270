using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FactCheck.Web.Api;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace FactCheck.Tests.Infrastructure;

/// <summary>Signing in as an API client does, and presenting the tokens to any instance (in process or not).</summary>
public static class BearerTokens
{
    public static async Task<AccessTokenResponse> LogInAsync(HttpClient client, string email, string password = FactCheckApp.Password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(email, password));
        Assert.True(response.IsSuccessStatusCode, $"Sign-in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<AccessTokenResponse>())!;
    }

    /// <summary>The status of <c>GET /api/auth/me</c> with the access token.</summary>
    public static async Task<HttpStatusCode> MeAsync(HttpClient client, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>New tokens for the refresh token, or null when it is refused.</summary>
    public static async Task<AccessTokenResponse?> RefreshAsync(HttpClient client, string refreshToken)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<AccessTokenResponse>() : null;
    }
}
