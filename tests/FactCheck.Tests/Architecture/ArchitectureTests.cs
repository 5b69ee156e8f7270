using System.Reflection;
using FactCheck.Contracts;
using FactCheck.Detection;
using FactCheck.Web.Api;
using FactCheck.Workflow.Persistence;
using Microsoft.AspNetCore.Components;
using Mono.Cecil;
using NetArchTest.Rules;

namespace FactCheck.Tests.Architecture;

/// <summary>
/// Where code may reach: pages and endpoints are adapters over the features' queries and desks,
/// never the database; claim detection and the message contracts stand apart from the workflow.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Web = typeof(ClaimsApi).Assembly;

    [Fact]
    public void Razor_components_do_not_touch_the_database()
    {
        var components = Web.GetTypes().Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.Contains(components, t => t.Name == "Desk");
        AssertNoDatabase(components);
    }

    /// <summary>
    /// Everything of the API: endpoint classes, their handlers (the export) and records. Only the host's
    /// wiring (WebHosting: Identity's and Data Protection's stores) and the auth plumbing (Auth: API keys,
    /// people) use the DbContext, and they are outside these namespaces.
    /// </summary>
    [Fact]
    public void Endpoints_do_not_touch_the_database()
    {
        var api = Web.GetTypes().Where(t => t.Namespace == typeof(ClaimsApi).Namespace && !t.IsNested).ToList();
        Assert.Contains(api, t => t == typeof(ClaimsApi));
        Assert.Contains(api, t => t.Name == "ClaimExport");
        AssertNoDatabase(api);
    }

    [Fact]
    public void The_rule_sees_the_database_used_inside_a_lambda_or_an_async_method()
    {
        // The detector must look into compiler-made nested types, or the rules above would pass vacuously.
        var result = Types.InAssembly(typeof(ArchitectureTests).Assembly)
            .That().MeetCustomRule(new DeclaredWithin([typeof(UsesTheDatabaseInALambda).FullName!]))
            .ShouldNot().HaveDependencyOn(typeof(FactCheckDbContext).FullName)
            .GetResult();
        Assert.False(result.IsSuccessful);
    }

    [Theory]
    [InlineData(typeof(ClaimDetector))]
    [InlineData(typeof(SubmitArticle))]
    public void Detection_and_contracts_know_nothing_of_the_workflow(Type inAssembly)
    {
        var references = inAssembly.Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, name =>
            name.StartsWith("FactCheck.Workflow", StringComparison.Ordinal) || name.StartsWith("FactCheck.Web", StringComparison.Ordinal)
            || name.StartsWith("MassTransit", StringComparison.Ordinal) || name.StartsWith("Hangfire", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var result = Types.InAssembly(inAssembly.Assembly)
            .ShouldNot().HaveDependencyOnAny("FactCheck.Workflow", "FactCheck.Web", "FactCheck.Worker")
            .GetResult();
        Assert.True(result.IsSuccessful, "depends on the workflow: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static void AssertNoDatabase(List<Type> types)
    {
        var names = types.Select(t => t.FullName!).ToList();
        var result = Types.InAssembly(Web)
            .That().MeetCustomRule(new DeclaredWithin(names))
            .ShouldNot().HaveDependencyOn(typeof(FactCheckDbContext).FullName)
            .GetResult();
        Assert.True(result.IsSuccessful, "use FactCheckDbContext directly (go through a feature's queries or desk): " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>A type or any type nested in it (lambdas' closures and async state machines are nested types).</summary>
    private sealed class DeclaredWithin(IReadOnlyCollection<string> outerTypes) : ICustomRule
    {
        public bool MeetsRule(TypeDefinition type)
        {
            // Cecil names a nested type Outer/Inner where reflection says Outer+Inner.
            for (var t = type; t is not null; t = t.DeclaringType)
            {
                if (outerTypes.Contains(t.FullName.Replace('/', '+')))
                    return true;
            }

            return false;
        }
    }

    private static class UsesTheDatabaseInALambda
    {
        public static Task<int> CountAsync(Func<Func<FactCheckDbContext, Task<int>>, Task<int>> run) =>
            run(async db => await Task.FromResult(db.ChangeTracker.Entries().Count()));
    }
}
