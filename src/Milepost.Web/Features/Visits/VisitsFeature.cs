using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Milepost.Core;
using Milepost.Core.Problems;
using Milepost.Core.Visits;
using Milepost.Core.Warnings;
using Milepost.Web.Features.Leaders;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Visits;

public sealed record FindingDto(long? Id, string? Text, long? ProjectId);

public sealed record VisitInputDto(long? LeadLeaderId, List<long>? LeaderIds, DateOnly? Date, List<long>? ProjectIds, string? Findings,
    List<FindingDto>? FindingItems, long? Version)
{
    public VisitInput ToInput()
    {
        var leaders = LeaderIds ?? [];
        // The lead is on the visit whether or not the client listed them twice.
        if (LeadLeaderId is { } lead && !leaders.Contains(lead)) leaders = [lead, .. leaders];
        return new(LeadLeaderId ?? 0, leaders, Date ?? default, ProjectIds ?? [], Findings,
            (FindingItems ?? []).Select(f => new FindingInput(f.Id, f.Text ?? "", f.ProjectId)).ToList());
    }
}

public sealed record ToProblemDto(ProblemCategory? Category, DateOnly? Deadline, long Version);

public sealed record ToSupervisionDto(long? LeadUnitId, DateOnly? Deadline, long Version);

public sealed record ConvertedDto(string Kind, long Id, string Url);

public sealed record LeaderOverviewDto(long Id, string Name, string Title, IReadOnlyList<string> Programmes,
    IReadOnlyList<LeaderProjectDto> Projects, IReadOnlyList<LeaderProblemRow> Problems, IReadOnlyList<LeaderItemRow> Items, IReadOnlyList<VisitRow> Visits);

public sealed record LeaderProjectDto(long Id, string Name, Core.Projects.ProjectStage Stage, WarningLevel? Warning);

/// <summary>On-site visits (现场督导) and the leader's page: services and /api/v1/visits, /api/v1/leaders.</summary>
public static class VisitsFeature
{
    public static IServiceCollection AddVisits(this IServiceCollection s) =>
        s.AddScoped<VisitQueries>().AddScoped<VisitCommands>().AddScoped<LeaderQueries>();

    public static IEndpointRouteBuilder MapVisitsApi(this IEndpointRouteBuilder e)
    {
        var api = e.MapGroup("/api/v1/visits").WithTags("Visits").AddEndpointFilter(ProjectsApi.ErrorFilter);
        api.MapGet("/", List);
        api.MapGet("/{visitId:long}", Get);
        api.MapPost("/", Create);
        api.MapPut("/{visitId:long}", Update);
        api.MapPost("/{visitId:long}/findings/{findingId:long}/problem", ToProblem);
        api.MapPost("/{visitId:long}/findings/{findingId:long}/supervision-item", ToSupervision);
        e.MapGet("/api/v1/leaders/{leaderId:long}", Leader).WithTags("Visits").AddEndpointFilter(ProjectsApi.ErrorFilter);
        return e;
    }

    private static Task<IReadOnlyList<VisitRow>> List(VisitQueries queries, ClaimsPrincipal user, long? leaderId, DateOnly? from, DateOnly? to, long? projectId, CancellationToken ct) =>
        queries.ListAsync(Actor.From(user), new VisitFilter(leaderId, from, to, projectId), ct);

    private static async Task<Results<Ok<VisitView>, NotFound>> Get(long visitId, VisitQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.DetailAsync(Actor.From(user), visitId, ct) is { } v ? TypedResults.Ok(v) : TypedResults.NotFound();

    private static async Task<Created<VisitView>> Create(VisitInputDto body, VisitCommands commands, VisitQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var id = await commands.CreateAsync(actor, body.ToInput(), ct);
        return TypedResults.Created($"/api/v1/visits/{id}", (await queries.DetailAsync(actor, id, ct))!);
    }

    private static async Task<Ok<VisitView>> Update(long visitId, VisitInputDto body, VisitCommands commands, VisitQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (body.Version is not { } version)
            throw new ValidationException(new ValidationError("Version", "version.required", "缺少版本号（Version）", "Version is required"));
        await commands.UpdateAsync(actor, visitId, body.ToInput(), version, ct);
        return TypedResults.Ok((await queries.DetailAsync(actor, visitId, ct))!);
    }

    private static async Task<Created<ConvertedDto>> ToProblem(long visitId, long findingId, ToProblemDto body, VisitCommands commands, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = await commands.ConvertToProblemAsync(Actor.From(user), visitId, findingId, body.Category, body.Deadline, body.Version, ct);
        return TypedResults.Created($"/problems/{id}", new ConvertedDto("problem", id, $"/problems/{id}"));
    }

    private static async Task<Created<ConvertedDto>> ToSupervision(long visitId, long findingId, ToSupervisionDto body, VisitCommands commands, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = await commands.ConvertToSupervisionAsync(Actor.From(user), visitId, findingId, body.LeadUnitId, body.Deadline, body.Version, ct);
        return TypedResults.Created($"/supervision/{id}", new ConvertedDto("supervision-item", id, $"/supervision/{id}"));
    }

    private static async Task<Results<Ok<LeaderOverviewDto>, NotFound>> Leader(long leaderId, LeaderQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        // Supervisors open every leader's page; a leader their own.
        if (!actor.Is(Data.Roles.Supervisor) && actor.LeaderId != leaderId) return TypedResults.NotFound();
        if (await queries.OverviewAsync(actor, leaderId, ct) is not { } o) return TypedResults.NotFound();
        return TypedResults.Ok(new LeaderOverviewDto(o.Leader.Id, o.Leader.Name, o.Leader.Title, o.Programmes,
            o.Projects.Select(p => new LeaderProjectDto(p.Id, p.Name, p.Stage, p.Status?.Warning.Level)).ToList(), o.Problems, o.Items, o.Visits));
    }
}
