using System.Security.Claims;
using FactCheck.Workflow;
using FactCheck.Workflow.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace FactCheck.Web.Ui;

/// <summary>
/// How pages read and act: each query or action gets its own DI scope, so its own DbContext (a
/// circuit lives for hours; a DbContext should live for one unit of work). Every action is checked
/// against the same authorization policy as its REST endpoint, on the server, whatever the page shows.
/// </summary>
public sealed class UiScope(IServiceScopeFactory scopes, IAuthorizationService authorization, ILogger<UiScope> logger)
{
    /// <summary>Runs a read of a feature's queries (<typeparamref name="TQueries"/>, e.g. ClaimQueries) in a scope of its own.</summary>
    public async Task<T> QueryAsync<TQueries, T>(Func<TQueries, Task<T>> query)
        where TQueries : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TQueries>());
    }

    /// <summary>Runs an action as <paramref name="user"/> under <paramref name="policy"/> (null: any signed-in user).</summary>
    /// <returns>The outcome: a value, or the reason it was refused, in words for the user.</returns>
    public async Task<UiResult<T>> ActAsync<T>(ClaimsPrincipal user, string? policy, Func<IServiceProvider, Task<T>> action)
    {
        if (user.Identity?.IsAuthenticated != true)
            return UiResult.Refused<T>("You are signed out; sign in again.");
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Authorize the account as it is now, not as it was when the page opened.
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<IdentityUser>>();
            if (await signIn.ValidateSecurityStampAsync(user) is not { } account)
                return UiResult.Refused<T>("Your sign-in is no longer valid (your roles changed, or you signed out elsewhere); reload the page and sign in again.");
            if (policy is not null && !(await authorization.AuthorizeAsync(await signIn.CreateUserPrincipalAsync(account), policy)).Succeeded)
                return UiResult.Refused<T>("Your role does not allow this action.");
            return UiResult.Done(await action(scope.ServiceProvider));
        }
        catch (WorkflowException ex)
        {
            return UiResult.Refused<T>(ex.Message);
        }
#pragma warning disable CA1031 // A page shows what went wrong instead of losing the circuit.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "UI action failed");
            return UiResult.Refused<T>("Something went wrong on the server; nothing was changed. Try again.");
        }
    }

    public Task<UiResult<T>> DeskAsync<T>(ClaimsPrincipal user, string? policy, Func<ClaimDesk, Task<T>> action) =>
        ActAsync(user, policy, services => action(services.GetRequiredService<ClaimDesk>()));
}
