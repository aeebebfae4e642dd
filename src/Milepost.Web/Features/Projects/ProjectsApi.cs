using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Milepost.Core;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Projects;

/// <summary>/api/v1/projects: the project ledger over JSON, with the same rules as the pages.</summary>
public static class ProjectsApi
{
    public static void MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects").WithTags("Projects").AddEndpointFilter(ErrorFilter);
        api.MapGet("/", List);
        api.MapGet("/{id:long}", Get);
        api.MapPost("/", Create);
        api.MapPut("/{id:long}", Update);
        api.MapPut("/{id:long}/plans/{year:int}", SavePlan);
        api.MapPost("/{id:long}/transitions", Transition);
    }

    private static Task<PageOf<ProjectRow>> List(ProjectQueries queries, ClaimsPrincipal user, [AsParameters] ProjectFilterQuery f, CancellationToken ct) =>
        queries.ListAsync(Actor.From(user), f.ToFilter(), ct);

    private static async Task<Results<Ok<ProjectView>, NotFound>> Get(long id, ProjectQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.DetailAsync(Actor.From(user), id, ct) is { } d ? TypedResults.Ok(ProjectView.From(d)) : TypedResults.NotFound();

    private static async Task<Created<ProjectView>> Create(ProjectInputDto body, ProjectCommands commands, ProjectQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var id = await commands.CreateAsync(actor, body.ToInput(), ct);
        var view = ProjectView.From((await queries.DetailAsync(actor, id, ct))!);
        return TypedResults.Created($"/api/v1/projects/{id}", view);
    }

    private static async Task<Ok<ProjectView>> Update(long id, ProjectInputDto body, ProjectCommands commands, ProjectQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (body.Version is not { } version)
            throw new ValidationException(new ValidationError("Version", "version.required", "缺少版本号（Version）", "Version is required"));
        await commands.UpdateAsync(actor, id, body.ToInput(), version, ct);
        return TypedResults.Ok(ProjectView.From((await queries.DetailAsync(actor, id, ct))!));
    }

    private static async Task<Ok<ProjectView>> SavePlan(long id, int year, AnnualPlanDto body, ProjectCommands commands, ProjectQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        await commands.SavePlanAsync(actor, id, body.ToInput(year), body.Version, ct);
        return TypedResults.Ok(ProjectView.From((await queries.DetailAsync(actor, id, ct))!));
    }

    private static async Task<Ok<ProjectView>> Transition(long id, TransitionDto body, ProjectCommands commands, ProjectQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        await commands.TransitionAsync(actor, id, body.To, body.Date, body.Reason, body.Version, ct);
        return TypedResults.Ok(ProjectView.From((await queries.DetailAsync(actor, id, ct))!));
    }

    /// <summary>Turns the commands' refusals into 400/403/404/409 with messages in the request's language.</summary>
    internal static async ValueTask<object?> ErrorFilter(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        try
        {
            return await next(ctx);
        }
        catch (ValidationException e)
        {
            var items = e.Errors.Select(x => new ErrorItem(x.Field, x.Code, x.Message(Lang.IsEnglish))).ToList();
            return TypedResults.BadRequest(new ErrorBody(Lang.T("输入有误，未保存", "The input has errors; nothing was saved"), items));
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ForbiddenException e)
        {
            return TypedResults.Json(new ErrorBody(e.Text, []), statusCode: StatusCodes.Status403Forbidden);
        }
        catch (ConflictException e)
        {
            return TypedResults.Conflict(new ErrorBody(e.Text, []));
        }
    }
}

/// <summary>The list filters as query-string parameters.</summary>
public sealed record ProjectFilterQuery(
    long? ProgrammeId, long? CategoryId, string? Division, Core.Projects.ProjectStage? Stage, long? LeaderId, long? ResponsibleUnitId,
    string? Q, int? Year, ProjectSort? Sort, bool? Desc, int? Page, int? PageSize, long? LedBy = null)
{
    public ProjectFilter ToFilter() => new()
    {
        ProgrammeId = ProgrammeId, CategoryId = CategoryId, DivisionCode = Division, Stage = Stage, LeaderId = LeaderId,
        ResponsibleUnitId = ResponsibleUnitId, LedBy = LedBy, Search = Q, Year = Year, Sort = Sort ?? ProjectSort.Code, Descending = Desc ?? false,
        Page = Page ?? 1, PageSize = PageSize ?? 20,
    };
}
