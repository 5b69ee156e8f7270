using System.Security.Claims;
using FactCheck.Web.Auth;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace FactCheck.Web.Api;

/// <summary>
/// Sign-in for people and scripts: a bearer token (or a cookie with <c>?useCookies=true</c>).
/// There is no self-registration: admins create accounts.
/// </summary>
internal static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");

        auth.MapPost("/login", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (LoginRequest request, bool? useCookies, SignInManager<IdentityUser> signIn) =>
        {
            signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
            var result = await signIn.PasswordSignInAsync(request.Email ?? "", request.Password ?? "", isPersistent: useCookies == true, lockoutOnFailure: true);
            if (!result.Succeeded)
            {
                return TypedResults.Problem(
                    result.IsLockedOut ? "Too many failed attempts; the account is locked for a while." : "Wrong email or password.",
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Sign-in failed");
            }

            // The bearer handler has already written the token response.
            return TypedResults.Empty;
        }).AllowAnonymous().Produces<AccessTokenResponse>();

        auth.MapPost("/refresh", async Task<Results<SignInHttpResult, ChallengeHttpResult>> (RefreshRequest request, SignInManager<IdentityUser> signIn, Microsoft.Extensions.Options.IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time) =>
        {
            var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
                return TypedResults.Challenge();
            var principal = await signIn.CreateUserPrincipalAsync(user);
            return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
        }).AllowAnonymous();

        auth.MapGet("/me", async Task<Results<Ok<MeResponse>, ProblemHttpResult>> (HttpContext context, UserManager<IdentityUser> users) =>
        {
            // A machine client is its key: the id is "apikey:<key id>", the role the key's.
            if (context.User.Identity?.AuthenticationType == ApiKeyAuthentication.SchemeName)
                return TypedResults.Ok(new MeResponse(context.User.UserId(), null, [.. context.User.FindAll(ClaimTypes.Role).Select(c => c.Value)]));
            var user = await users.GetUserAsync(context.User);
            return user is null
                ? TypedResults.Problem("Your account no longer exists.", statusCode: StatusCodes.Status401Unauthorized)
                : TypedResults.Ok(new MeResponse(user.Id, user.Email, [.. await users.GetRolesAsync(user)]));
        });
    }
}
