using FactCheck.Workflow.Persistence;
using Microsoft.EntityFrameworkCore;

namespace FactCheck.Workflow.Assignment;

/// <summary>Who is on staff, as pages show them.</summary>
public sealed class StaffDirectory(FactCheckDbContext db)
{
    /// <summary>Everyone's name by user id: their profile's display name, else their email.</summary>
    public async Task<Dictionary<string, string>> NamesAsync(CancellationToken ct)
    {
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, ct);
        foreach (var profile in await db.Reviewers.AsNoTracking().Select(r => new { r.UserId, r.DisplayName }).ToListAsync(ct))
            names[profile.UserId] = profile.DisplayName;
        return names;
    }

    /// <summary>The reviewers who take assignments now, by name.</summary>
    public Task<List<ReviewerProfile>> AvailableReviewersAsync(CancellationToken ct) =>
        db.Reviewers.AsNoTracking().Where(r => r.IsAvailable).OrderBy(r => r.DisplayName).ToListAsync(ct);
}
