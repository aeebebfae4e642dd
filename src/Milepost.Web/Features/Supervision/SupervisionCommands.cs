using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Core.Supervision;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Supervision;

/// <summary>What the form or the API gives to create or correct an item.</summary>
public sealed record SupervisionInput
{
    public SupervisionSource Source { get; init; } = SupervisionSource.Other;
    public string? SourceText { get; init; }
    public string? Content { get; init; }
    public long LeadUnitId { get; init; }
    public IReadOnlyList<long> CooperatingUnitIds { get; init; } = [];
    public DateOnly? Deadline { get; init; }
    public IReadOnlyList<long> ProjectIds { get; init; } = [];
    /// <summary>The leader whose instruction it follows; a leader creating an item is that leader.</summary>
    public long? LeaderId { get; init; }
    public long? VisitId { get; init; }
}

/// <summary>One step on an item: what, the text that goes with it, the evaluation when closing, and the version it was based on.</summary>
public sealed record SupervisionStepInput(SupervisionEntryKind? Action, string? Text, SupervisionEvaluation? Evaluation, long Version);

/// <summary>
/// Creating, correcting and moving supervision items (SPEC §3.6). Each call is one transaction with
/// one audit event per item; refusals write nothing: <see cref="ValidationException"/> for bad input
/// and illegal steps, <see cref="ForbiddenException"/> for steps the role may not take,
/// <see cref="NotFoundException"/> for items outside the actor's scope, <see cref="ConflictException"/>
/// for a step based on an old version. Entries record who by display name, as the timeline shows it.
/// </summary>
public sealed class SupervisionCommands(MilepostDb db, PortfolioClock clock)
{
    /// <summary>
    /// Creates the items (one, or several split from meeting minutes) all or none. A supervisor may
    /// assign them at once; a leader's items land as drafts for the office to check and assign.
    /// </summary>
    public async Task<IReadOnlyList<long>> CreateAsync(Actor actor, IReadOnlyList<SupervisionInput> inputs, bool assign, CancellationToken ct = default)
    {
        db.BeginCommand();
        if (!SupervisionScope.MayCreate(actor))
            throw new ForbiddenException("只有督查室和市领导可以新建督办事项", "Only the supervision office and city leaders may create supervision items");
        if (assign && !actor.Is(Roles.Supervisor))
            throw new ForbiddenException("只有督查室可以交办督办事项", "Only the supervision office may assign items");
        if (inputs.Count == 0)
            throw new ValidationException(new ValidationError("Content", "supervision.content.required", "请填写督办内容", "Enter what is to be done"));
        var errors = new List<ValidationError>();
        for (var i = 0; i < inputs.Count; i++)
            errors.AddRange(await ValidateAsync(Leadered(actor, inputs[i]), inputs.Count > 1 ? i : null, ct));
        if (errors.Count > 0) throw new ValidationException(errors);

        var items = new List<SupervisionItem>();
        var now = clock.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var input in inputs.Select(x => Leadered(actor, x)))
        {
            var item = new SupervisionItem { DivisionCode = "", Content = "", Version = 1, CreatedBy = actor.DisplayName, CreatedAt = now };
            await ApplyAsync(item, input, ct);
            if (assign)
            {
                item.State = SupervisionState.Assigned;
                item.Entries.Add(Entry(actor, item, SupervisionEntryKind.Assign, null, now));
            }
            db.SupervisionItems.Add(item);
            items.Add(item);
        }
        await db.SaveChangesAsync(ct);
        foreach (var item in items) await Audit(actor, "supervision.create", item, null, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return items.Select(i => i.Id).ToList();
    }

    /// <summary>Corrects a draft before it goes out.</summary>
    public async Task UpdateAsync(Actor actor, long id, SupervisionInput input, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        var item = await LoadAsync(actor, id, ct);
        if (!SupervisionScope.MayEdit(actor, item))
            throw actor.Is(Roles.Supervisor)
                ? new ValidationException(new ValidationError("", "supervision.edit.state",
                    $"事项当前为“{SupervisionNames.Zh(item.State)}”状态，只有草稿可以修改", $"The item is {item.State}; only drafts can be edited"))
                : new ForbiddenException("只有督查室可以修改督办事项", "Only the supervision office may edit items");
        var errors = await ValidateAsync(input, null, ct);
        if (errors.Count > 0) throw new ValidationException(errors);
        if (item.Version != expectedVersion) throw await ConflictAsync(id, ct);
        var before = Snapshot(item);
        await ApplyAsync(item, input, ct);
        await SaveAsync(actor, "supervision.update", item, before, clock.UtcNow, ct);
    }

    /// <summary>Takes one step: assign, accept, feedback, urge, return, close (with its evaluation) or a note.</summary>
    public async Task StepAsync(Actor actor, long id, SupervisionStepInput step, CancellationToken ct = default)
    {
        db.BeginCommand();
        var item = await LoadAsync(actor, id, ct);
        if (step.Action is not { } kind)
            throw new ValidationException(new ValidationError("Action", "supervision.action.required", "请选择要进行的操作", "Choose the step to take"));
        if (!SupervisionScope.MayTake(actor, item, kind)) throw Forbidden(kind);
        var next = SupervisionStateMachine.Next(item.State, kind);
        if (next.Refusal is { } refusal) throw new ValidationException(refusal);
        var text = string.IsNullOrWhiteSpace(step.Text) ? null : step.Text.Trim();
        var errors = ValidateStep(kind, text, step.Evaluation);
        if (errors.Count > 0) throw new ValidationException(errors);
        if (item.Version != step.Version) throw await ConflictAsync(id, ct);

        var before = Snapshot(item);
        var now = clock.UtcNow;
        item.State = next.Next!.Value;
        if (kind == SupervisionEntryKind.Close)
        {
            item.Evaluation = step.Evaluation;
            item.EvaluationComment = text;
            item.ClosedOn = clock.Today;
        }
        item.Entries.Add(Entry(actor, item, kind, text ?? (kind == SupervisionEntryKind.Urge ? "请抓紧办理，按期反馈办理情况。" : null), now));
        await SaveAsync(actor, "supervision." + kind.ToString().ToLowerInvariant(), item, before, now, ct);
    }

    private static ForbiddenException Forbidden(SupervisionEntryKind kind) => kind switch
    {
        SupervisionEntryKind.Accept or SupervisionEntryKind.Feedback => new(
            $"只有牵头单位可以{SupervisionNames.Zh(kind)}该事项", $"Only the lead unit may {kind} this item"),
        SupervisionEntryKind.Urge => new("只有督查室和市领导可以催办", "Only the supervision office and city leaders may urge"),
        SupervisionEntryKind.Note => new("只有督查室、市领导、牵头单位和配合单位可以添加备注", "Only the office, leaders, the lead and cooperating units may add notes"),
        _ => new($"只有督查室可以{SupervisionNames.Zh(kind)}督办事项", $"Only the supervision office may {kind} items"),
    };

    private static List<ValidationError> ValidateStep(SupervisionEntryKind kind, string? text, SupervisionEvaluation? evaluation)
    {
        var errors = new List<ValidationError>();
        void Add(string field, string code, string zh, string en) => errors.Add(new(field, code, zh, en));
        if (text is { Length: > 2000 }) Add("Text", "supervision.text.long", "说明不能超过 2000 字", "The text may have at most 2000 characters");
        switch (kind)
        {
            case SupervisionEntryKind.Feedback when text is null:
                Add("Text", "supervision.feedback.required", "请填写反馈的办理情况", "Describe what has been done");
                break;
            case SupervisionEntryKind.Return when text is null:
                Add("Text", "supervision.return.reason", "退回时请填写退回理由", "Give the reason for returning");
                break;
            case SupervisionEntryKind.Note when text is null:
                Add("Text", "supervision.note.required", "请填写备注内容", "Enter the note");
                break;
            case SupervisionEntryKind.Close when evaluation is null:
                Add("Evaluation", "supervision.evaluation.required", "办结时请选择评价（满意、基本满意或不满意）", "Choose the evaluation to close");
                break;
            case SupervisionEntryKind.Close when evaluation == SupervisionEvaluation.Unsatisfied && text is null:
                Add("Text", "supervision.evaluation.comment", "评价为“不满意”时请填写评价意见", "Explain an unsatisfied evaluation");
                break;
        }
        return errors;
    }

    /// <summary>A leader's item follows that leader's own instruction.</summary>
    private static SupervisionInput Leadered(Actor actor, SupervisionInput input) =>
        actor.Is(Roles.Leader) && !actor.Is(Roles.Supervisor) ? input with { LeaderId = actor.LeaderId } : input;

    private async Task<List<ValidationError>> ValidateAsync(SupervisionInput input, int? index, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        var prefix = index is { } n ? $"第 {n + 1} 项：" : "";
        var enPrefix = index is { } m ? $"Item {m + 1}: " : "";
        void Add(string field, string code, string zh, string en) =>
            errors.Add(new(index is { } k ? $"Items[{k}].{field}" : field, code, prefix + zh, enPrefix + en));

        if (string.IsNullOrWhiteSpace(input.Content)) Add("Content", "supervision.content.required", "请填写督办内容", "Enter what is to be done");
        else if (input.Content.Trim().Length > 4000) Add("Content", "supervision.content.long", "督办内容不能超过 4000 字", "The content may have at most 4000 characters");
        if (input.SourceText is { Length: > 4000 }) Add("SourceText", "supervision.source.long", "来源内容不能超过 4000 字", "The source text may have at most 4000 characters");
        if (input.Source is SupervisionSource.Meeting or SupervisionSource.Instruction && string.IsNullOrWhiteSpace(input.SourceText))
            Add("SourceText", "supervision.source.required",
                input.Source == SupervisionSource.Meeting ? "来源为会议议定时，请填写会议名称或粘贴会议纪要" : "来源为领导批示时，请填写批示内容",
                "Give the meeting or the instruction the item comes from");
        if (!Enum.IsDefined(input.Source)) Add("Source", "supervision.source.unknown", "请选择事项来源", "Choose the source");
        if (input.Source == SupervisionSource.Instruction && input.LeaderId is null)
            Add("LeaderId", "supervision.leader.required", "来源为领导批示时，请选择批示领导", "Choose the instructing leader");
        if (input.LeaderId is { } leader && !await db.Leaders.AnyAsync(l => l.Id == leader, ct))
            Add("LeaderId", "supervision.leader.unknown", "所选批示领导不存在", "The leader does not exist");
        if (input.LeadUnitId <= 0) Add("LeadUnitId", "supervision.lead.required", "请选择牵头单位", "Choose the lead unit");
        else if (!await db.Units.Responsible().AnyAsync(u => u.Id == input.LeadUnitId, ct))
            Add("LeadUnitId", "supervision.lead.unknown", "所选牵头单位不存在或不是责任单位", "The lead unit does not exist");
        var coop = input.CooperatingUnitIds.Distinct().ToList();
        if (coop.Contains(input.LeadUnitId))
            Add("CooperatingUnitIds", "supervision.coop.lead", "牵头单位不能同时作为配合单位", "The lead unit cannot also cooperate");
        if (coop.Count > 0 && await db.Units.Responsible().CountAsync(u => coop.Contains(u.Id), ct) != coop.Count)
            Add("CooperatingUnitIds", "supervision.coop.unknown", "所选配合单位中有不存在的单位", "Some cooperating units do not exist");
        if (input.Deadline is not { } deadline) Add("Deadline", "supervision.deadline.required", "请选择办理时限", "Choose the deadline");
        else if (deadline < clock.Today)
            Add("Deadline", "supervision.deadline.past", $"办理时限不能早于今天（{Lang.Date(clock.Today)}）", $"The deadline cannot be before today ({clock.Today:yyyy-MM-dd})");
        var projects = input.ProjectIds.Distinct().ToList();
        if (projects.Count > 0 && await db.Projects.CountAsync(p => projects.Contains(p.Id), ct) != projects.Count)
            Add("ProjectIds", "supervision.projects.unknown", "所选关联项目中有不存在的项目", "Some linked projects do not exist");
        if (input.VisitId is { } visit && !await db.Visits.AnyAsync(v => v.Id == visit, ct))
            Add("VisitId", "supervision.visit.unknown", "所选现场督导记录不存在", "The visit does not exist");
        return errors;
    }

    private async Task ApplyAsync(SupervisionItem item, SupervisionInput input, CancellationToken ct)
    {
        // An item belongs to its lead unit's division (SPEC §10).
        item.DivisionCode = await db.Units.Where(u => u.Id == input.LeadUnitId).Select(u => u.DivisionCode).SingleAsync(ct);
        item.Source = input.Source;
        item.SourceText = string.IsNullOrWhiteSpace(input.SourceText) ? null : input.SourceText.Trim();
        item.Content = input.Content!.Trim();
        item.LeadUnitId = input.LeadUnitId;
        item.Deadline = input.Deadline!.Value;
        item.LeaderId = input.LeaderId;
        item.VisitId = input.VisitId;
        var units = input.CooperatingUnitIds.Distinct().ToHashSet();
        item.CooperatingUnits.RemoveAll(u => !units.Contains(u.UnitId));
        foreach (var u in units.Where(u => item.CooperatingUnits.All(c => c.UnitId != u)))
            item.CooperatingUnits.Add(new SupervisionItemUnit { UnitId = u, DivisionCode = item.DivisionCode });
        var projects = input.ProjectIds.Distinct().ToHashSet();
        item.Projects.RemoveAll(p => !projects.Contains(p.ProjectId));
        foreach (var p in projects.Where(p => item.Projects.All(x => x.ProjectId != p)))
            item.Projects.Add(new SupervisionItemProject { ProjectId = p, DivisionCode = item.DivisionCode });
        foreach (var u in item.CooperatingUnits) u.DivisionCode = item.DivisionCode;
        foreach (var p in item.Projects) p.DivisionCode = item.DivisionCode;
    }

    private static SupervisionEntry Entry(Actor actor, SupervisionItem item, SupervisionEntryKind kind, string? text, DateTime at) => new()
    {
        DivisionCode = item.DivisionCode, Kind = kind, Text = text, By = actor.DisplayName, ByUnitId = actor.UnitId, At = at,
    };

    private async Task<SupervisionItem> LoadAsync(Actor actor, long id, CancellationToken ct) =>
        await db.SupervisionItems.VisibleTo(actor).Include(i => i.CooperatingUnits).Include(i => i.Projects)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct)
        ?? throw new NotFoundException($"supervision item {id}");

    private async Task SaveAsync(Actor actor, string action, SupervisionItem item, object before, DateTime now, CancellationToken ct)
    {
        item.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Audit(actor, action, item, before, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone took a step between our read and our write: the WHERE Version = expected matched nothing.
            throw await ConflictAsync(item.Id, ct);
        }
        await tx.CommitAsync(ct);
    }

    private async Task<ConflictException> ConflictAsync(long id, CancellationToken ct)
    {
        var (who, when) = await LastChange.FindAsync(db, clock.Zone, "SupervisionItem", id, ct);
        return new ConflictException(
            $"该督办事项已由 {who} 于 {when} 办理或修改，您的操作未保存。请刷新后重新操作。",
            $"{who} changed this item at {when}; your step was not saved. Reload and try again.");
    }

    /// <summary>The fields an audit event records before and after a change, with the step just taken.</summary>
    private static object Snapshot(SupervisionItem i) => new
    {
        State = i.State.ToString(), Source = i.Source.ToString(), i.SourceText, i.Content, i.LeadUnitId,
        CooperatingUnits = i.CooperatingUnits.Select(u => u.UnitId).Order().ToList(),
        Projects = i.Projects.Select(p => p.ProjectId).Order().ToList(),
        i.Deadline, i.LeaderId, i.VisitId, Evaluation = i.Evaluation?.ToString(), i.EvaluationComment, i.ClosedOn, i.Version,
        Step = i.Entries.Where(e => e.Id == 0).Select(e => new { Kind = e.Kind.ToString(), e.Text, e.By }).LastOrDefault(),
    };

    private Task Audit(Actor actor, string action, SupervisionItem i, object? before, DateTime now, CancellationToken ct) =>
        AuditTrail.AppendAsync(db, now, actor.UserName, action, "SupervisionItem",
            i.Id.ToString(CultureInfo.InvariantCulture), i.DivisionCode, before, Snapshot(i), ct);
}
