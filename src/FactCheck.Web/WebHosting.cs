using System.Text.Json.Serialization;
using FactCheck.Web.Api;
using FactCheck.Web.Auth;
using FactCheck.Web.Demo;
using FactCheck.Web.Components;
using FactCheck.Web.Live;
using FactCheck.Web.Ui;
using FactCheck.Workflow;
using FactCheck.Workflow.Integrations;
using FactCheck.Workflow.Persistence;
using Hangfire;
using Hangfire.Dashboard;
using MassTransit;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FactCheck.Web;

public static class WebHosting
{
    /// <summary>
    /// The largest request body Kestrel reads (an article may be larger: <see cref="ArticlesApi.MaxBodyBytes"/>).
    /// No other request comes near it; the server's default (30 MB) would let anyone make it parse that much.
    /// </summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddFactCheckWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Kestrel refuses an oversized body while it is read, with no word of the limit: add it.
            if (ctx.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge && ctx.ProblemDetails.Detail is null)
            {
                var limit = ctx.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? MaxRequestBodyBytes;
                ctx.ProblemDetails.Detail = $"The request body is too large: at most {limit:N0} bytes are accepted here.";
            }
        });
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddAspNetCoreInstrumentation());
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddAspNetCoreInstrumentation());
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures (malformed JSON, a bad query value) reach ProblemExceptionHandler with their reason.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();

        services.AddIdentityApiEndpoints<IdentityUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FactCheckDbContext>();
        services.AddFactCheckKeyRing(builder.Configuration);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // An API answers with a status code, not a redirect to a login page.
            o.Events.OnRedirectToLogin = ctx => IsApi(ctx.Request) ? WriteStatus(ctx.Response, StatusCodes.Status401Unauthorized) : Redirect(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => IsApi(ctx.Request) ? WriteStatus(ctx.Response, StatusCodes.Status403Forbidden) : Redirect(ctx);
        });
        // A request authenticates with an API key, a bearer token or the sign-in cookie. Pages
        // challenge with the cookie (a redirect to /login), the API with bearer or API key (401).
        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = CredentialsScheme;
                o.DefaultChallengeScheme = PagesOrApiScheme;
                o.DefaultForbidScheme = PagesOrApiScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddPolicyScheme(CredentialsScheme, null, o => o.ForwardDefaultSelector = ctx => CredentialScheme(ctx.Request))
            .AddPolicyScheme(PagesOrApiScheme, null, o => o.ForwardDefaultSelector = ctx =>
                CredentialScheme(ctx.Request) is var scheme && scheme == IdentityConstants.ApplicationScheme && IsApi(ctx.Request)
                    ? IdentityConstants.BearerScheme
                    : scheme);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Review, p => p.RequireRole(Roles.Reviewer))
            .AddPolicy(Policies.Edit, p => p.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin));

        services.AddHostedService<IdentitySeeder>();
        services.AddScoped<Staff>();
        services.AddScoped<ApiKeyAdmin>();
        services.AddScoped<WebhookAdmin>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        // A role change or a sign-out elsewhere reaches sign-in cookies within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<ClaimFeed>();
        services.AddScoped<UiScope>();
        return builder;
    }

    public static WebApplication UseFactCheckWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.Use(RefuseCrossSiteApiWrites);
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapFactCheckHealth();
        app.MapOpenApi();
        // The browsable API reference (for signed-in users, like the document it reads): /scalar/v1.
        app.MapScalarApiReference(o => o.WithTitle("FactCheck API"));
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Administer, "/hangfire", new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            DisplayStorageConnectionString = false,
        });

        app.MapAuthApi();
        app.MapArticlesApi();
        app.MapClaimsApi();
        app.MapReviewersApi();
        app.MapFailedMessagesApi();
        app.MapDeskLabelsApi();
        app.MapReferencesApi();
        app.MapApiKeysApi();
        app.MapWebhooksApi();

        app.MapStaticAssets().AllowAnonymous();
        // The form parameter makes the endpoint validate the form's antiforgery token.
        app.MapPost("/logout", async (SignInManager<IdentityUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        });
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>The bus side of live updates: this instance's own temporary queue for claim changes.</summary>
    public static void AddLiveUpdates(this IBusRegistrationConfigurator bus) =>
        bus.AddConsumer<ClaimFeedConsumer>().Endpoint(e =>
        {
            e.InstanceId = "-" + Guid.NewGuid().ToString("N")[..12];
            e.Temporary = true;
        });

    private const string PagesOrApiScheme = "PagesOrApi";
    private const string CredentialsScheme = "Credentials";

    /// <summary>
    /// The API also accepts the pages' sign-in cookie, which a browser sends on any same-site form
    /// post. A write that rides on the cookie must carry <c>X-Requested-With</c>, which a plain form
    /// cannot set and a cross-origin script cannot send without CORS consent. Bearer clients are not affected.
    /// </summary>
    private static Task RefuseCrossSiteApiWrites(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (!IsApi(request) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || context.User.Identity?.IsAuthenticated != true || CredentialScheme(request) != IdentityConstants.ApplicationScheme
            || request.Headers.ContainsKey("X-Requested-With"))
            return next();
        return TypedResults.Problem(
            "An API write signed in with the browser cookie must send the header X-Requested-With (protection against cross-site requests); machine clients use a bearer token.",
            statusCode: StatusCodes.Status400BadRequest,
            title: "Missing X-Requested-With").ExecuteAsync(context);
    }

    /// <summary>The scheme of the credential a request carries: an API key, a bearer token, or else the sign-in cookie.</summary>
    private static string CredentialScheme(HttpRequest request) =>
        ApiKeyAuthentication.Presented(request) is not null ? ApiKeyAuthentication.SchemeName
        : request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? IdentityConstants.BearerScheme
        : IdentityConstants.ApplicationScheme;

    /// <summary>Machine-facing paths: answered with status codes, never redirected to the sign-in page.</summary>
    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/health");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task WriteStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
