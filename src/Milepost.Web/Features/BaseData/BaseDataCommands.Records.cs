using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Web.Shared;
using static Milepost.Core.Portfolio.BaseDataRules;

namespace Milepost.Web.Features.BaseData;

/// <summary>Creating and editing each kind: the Core rules, then what only the database knows (parents, names in use).</summary>
public sealed partial class BaseDataCommands
{
    public async Task<string> CreateDivisionAsync(Actor actor, DivisionInput input, CancellationToken ct = default)
    {
        Begin(actor);
        var errors = await CheckDivisionAsync(input, null, ct);
        if (Clean(input.Code) is { } code && await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct) is { } same)
            errors.Add(new("Code", "division.code.taken", $"行政区划代码 {code} 已存在（{same.Name}{(same.IsRetired ? "，已停用" : "")}）",
                $"The division code {code} exists already ({same.Name}{(same.IsRetired ? ", retired" : "")})"));
        Throw(errors);
        var division = new Division { Code = Clean(input.Code)!, Name = Clean(input.Name)!, ParentCode = Clean(input.ParentCode), Version = 1 };
        await AddAsync(actor, BaseDataKind.Division, division, ct);
        return division.Code;
    }

    /// <summary>Renames a division or moves it under another parent; its code is a national fact and stays.</summary>
    public async Task UpdateDivisionAsync(Actor actor, string code, DivisionInput input, long expectedVersion, CancellationToken ct = default)
    {
        Begin(actor);
        var division = await LoadForChangeAsync<Division>(BaseDataKind.Division, code, expectedVersion, ct);
        var errors = new List<ValidationError>();
        if (Clean(input.Code) is { } typed && typed != code)
            errors.Add(new("Code", "division.code.fixed", "行政区划代码不能修改；区划调整时请新增新代码的区划，并停用旧的",
                "A division's code cannot change: add the new division and retire the old one"));
        errors.AddRange(await CheckDivisionAsync(input with { Code = code }, division, ct));
        Throw(errors);
        var before = Snapshot(division);
        division.Name = Clean(input.Name)!;
        division.ParentCode = Clean(input.ParentCode);
        await SaveAsync(actor, BaseDataKind.Division, "update", division, before, ct);
    }

    private async Task<List<ValidationError>> CheckDivisionAsync(DivisionInput input, Division? existing, CancellationToken ct)
    {
        var parentCode = Clean(input.ParentCode);
        var parent = parentCode is null ? null : await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == parentCode, ct);
        var errors = Validate(input, parent).ToList();
        errors.AddRange(await UniqueNamesAsync(BaseDataKind.Division, NamesOf(input), existing?.Code, parentCode, ct));
        return errors;
    }

    public async Task<long> CreateUnitAsync(Actor actor, UnitInput input, CancellationToken ct = default)
    {
        Begin(actor);
        var division = await CheckUnitAsync(input, null, ct);
        var unit = new Unit { DivisionCode = division, Name = "", Version = 1 };
        Apply(unit, input, division);
        await AddAsync(actor, BaseDataKind.Unit, unit, ct);
        return unit.Id;
    }

    public async Task UpdateUnitAsync(Actor actor, long id, UnitInput input, long expectedVersion, CancellationToken ct = default)
    {
        Begin(actor);
        var unit = await LoadForChangeAsync<Unit>(BaseDataKind.Unit, Key(id), expectedVersion, ct);
        var division = await CheckUnitAsync(input, unit, ct);
        var before = Snapshot(unit);
        Apply(unit, input, division);
        await SaveAsync(actor, BaseDataKind.Unit, "update", unit, before, ct);
    }

    private async Task<string> CheckUnitAsync(UnitInput input, Unit? existing, CancellationToken ct)
    {
        var errors = Validate(input).ToList();
        var division = await DivisionForAsync(input.DivisionCode, existing?.DivisionCode, errors, ct);
        if (input.ParentId is { } parentId)
        {
            var parent = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == parentId, ct);
            if (parent is null)
                errors.Add(new("ParentId", "unit.parent.unknown", "所选上级单位不存在", "The parent unit does not exist"));
            else if (parent.IsRetired && parentId != existing?.ParentId)
                errors.Add(new("ParentId", "unit.parent.retired", $"上级单位“{parent.Name}”已停用", $"The parent unit \"{parent.Name}\" is retired"));
            else if (existing is not null)
            {
                // Few units have a parent: the whole map is small even for a province.
                var parents = await db.Units.AsNoTracking().Where(u => u.ParentId != null).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
                if (UnitParent(existing.Id, parentId, id => parents.GetValueOrDefault(id)) is { } loop) errors.Add(loop);
            }
        }
        errors.AddRange(await UniqueNamesAsync(BaseDataKind.Unit, NamesOf(input), existing is null ? null : Key(existing.Id), division, ct));
        Throw(errors);
        return division;
    }

    private static void Apply(Unit u, UnitInput input, string division)
    {
        u.Name = Clean(input.Name)!;
        u.ShortName = Clean(input.ShortName);
        u.Kind = input.Kind!.Value;
        u.ParentId = input.ParentId;
        u.Aliases = AliasList.Join(AliasList.Split(input.Aliases));
        u.ContactPerson = Clean(input.ContactPerson);
        u.ContactPhone = Clean(input.ContactPhone);
        u.DivisionCode = division;
    }

    public async Task<long> CreateLeaderAsync(Actor actor, LeaderInput input, CancellationToken ct = default)
    {
        Begin(actor);
        var division = await CheckLeaderAsync(input, null, ct);
        var leader = new Leader { DivisionCode = division, Name = "", Title = "", Version = 1 };
        Apply(leader, input, division, input.Precedence ?? (await db.Leaders.MaxAsync(l => (int?)l.Precedence, ct) ?? 0) + 1);
        await AddAsync(actor, BaseDataKind.Leader, leader, ct);
        return leader.Id;
    }

    public async Task UpdateLeaderAsync(Actor actor, long id, LeaderInput input, long expectedVersion, CancellationToken ct = default)
    {
        Begin(actor);
        var leader = await LoadForChangeAsync<Leader>(BaseDataKind.Leader, Key(id), expectedVersion, ct);
        var division = await CheckLeaderAsync(input, leader, ct);
        var before = Snapshot(leader);
        Apply(leader, input, division, input.Precedence ?? leader.Precedence);
        await SaveAsync(actor, BaseDataKind.Leader, "update", leader, before, ct);
    }

    private async Task<string> CheckLeaderAsync(LeaderInput input, Leader? existing, CancellationToken ct)
    {
        var errors = Validate(input).ToList();
        var division = await DivisionForAsync(input.DivisionCode, existing?.DivisionCode, errors, ct);
        errors.AddRange(await UniqueNamesAsync(BaseDataKind.Leader, NamesOf(input), existing is null ? null : Key(existing.Id), division, ct));
        Throw(errors);
        return division;
    }

    private static void Apply(Leader l, LeaderInput input, string division, int precedence)
    {
        l.Name = Clean(input.Name)!;
        l.Title = Clean(input.Title)!;
        l.Body = input.Body!.Value;
        l.Precedence = precedence;
        l.Fields = Clean(input.Fields);
        l.InOfficeFrom = input.InOfficeFrom;
        l.InOfficeTo = input.InOfficeTo;
        l.Aliases = AliasList.Join(AliasList.Split(input.Aliases));
        l.DivisionCode = division;
    }

    public async Task<long> CreateProgrammeAsync(Actor actor, ProgrammeInput input, CancellationToken ct = default)
    {
        Begin(actor);
        var division = await CheckProgrammeAsync(input, null, ct);
        var programme = new Programme { DivisionCode = division, Name = "", Version = 1 };
        Apply(programme, input, division, input.SortOrder ?? (await db.Programmes.MaxAsync(p => (int?)p.SortOrder, ct) ?? 0) + 1);
        await AddAsync(actor, BaseDataKind.Programme, programme, ct);
        return programme.Id;
    }

    public async Task UpdateProgrammeAsync(Actor actor, long id, ProgrammeInput input, long expectedVersion, CancellationToken ct = default)
    {
        Begin(actor);
        var programme = await LoadForChangeAsync<Programme>(BaseDataKind.Programme, Key(id), expectedVersion, ct);
        var division = await CheckProgrammeAsync(input, programme, ct);
        var before = Snapshot(programme);
        Apply(programme, input, division, input.SortOrder ?? programme.SortOrder);
        await SaveAsync(actor, BaseDataKind.Programme, "update", programme, before, ct);
    }

    private async Task<string> CheckProgrammeAsync(ProgrammeInput input, Programme? existing, CancellationToken ct)
    {
        var errors = Validate(input).ToList();
        var division = await DivisionForAsync(input.DivisionCode, existing?.DivisionCode, errors, ct);
        if (input.LeadLeaderId is { } leaderId)
        {
            var leader = await db.Leaders.AsNoTracking().FirstOrDefaultAsync(l => l.Id == leaderId, ct);
            if (leader is null)
                errors.Add(new("LeadLeaderId", "programme.leader.unknown", "所选牵头市领导不存在", "The lead leader does not exist"));
            else if (leader.IsRetired && leaderId != existing?.LeadLeaderId)
                errors.Add(new("LeadLeaderId", "programme.leader.retired", $"{leader.Name}已停用，不能再牵头专项", $"{leader.Name} is retired"));
        }
        errors.AddRange(await UniqueNamesAsync(BaseDataKind.Programme, NamesOf(input), existing is null ? null : Key(existing.Id), division, ct));
        Throw(errors);
        return division;
    }

    private static void Apply(Programme p, ProgrammeInput input, string division, int sortOrder)
    {
        p.Name = Clean(input.Name)!;
        p.LeadLeaderId = input.LeadLeaderId;
        p.SortOrder = sortOrder;
        p.Aliases = AliasList.Join(AliasList.Split(input.Aliases));
        p.DivisionCode = division;
    }

    public async Task<long> CreateCategoryAsync(Actor actor, CategoryInput input, CancellationToken ct = default)
    {
        Begin(actor);
        var errors = Validate(input).ToList();
        errors.AddRange(await UniqueNamesAsync(BaseDataKind.Category, NamesOf(input), null, null, ct));
        Throw(errors);
        var category = new Category { Name = "", Version = 1 };
        Apply(category, input, input.SortOrder ?? (await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 1);
        await AddAsync(actor, BaseDataKind.Category, category, ct);
        return category.Id;
    }

    public async Task UpdateCategoryAsync(Actor actor, long id, CategoryInput input, long expectedVersion, CancellationToken ct = default)
    {
        Begin(actor);
        var category = await LoadForChangeAsync<Category>(BaseDataKind.Category, Key(id), expectedVersion, ct);
        var errors = Validate(input).ToList();
        errors.AddRange(await UniqueNamesAsync(BaseDataKind.Category, NamesOf(input), Key(id), null, ct));
        Throw(errors);
        var before = Snapshot(category);
        Apply(category, input, input.SortOrder ?? category.SortOrder);
        await SaveAsync(actor, BaseDataKind.Category, "update", category, before, ct);
    }

    private static void Apply(Category c, CategoryInput input, int sortOrder)
    {
        c.Name = Clean(input.Name)!;
        c.NameEn = Clean(input.NameEn);
        c.SortOrder = sortOrder;
        c.Aliases = AliasList.Join(AliasList.Split(input.Aliases));
    }

    private static void Throw(List<ValidationError> errors)
    {
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    /// <summary>
    /// The division a unit, leader or programme belongs to: the one chosen, else the one it has, else the city (the
    /// single top-level division, as the ledger import assumes). A newly chosen one must exist and be live.
    /// </summary>
    private async Task<string> DivisionForAsync(string? requested, string? current, List<ValidationError> errors, CancellationToken ct)
    {
        var code = Clean(requested) ?? current;
        if (code is null)
        {
            var roots = await db.Divisions.AsNoTracking().Where(d => d.ParentCode == null && !d.IsRetired).Select(d => d.Code).Take(2).ToListAsync(ct);
            if (roots.Count == 1) return roots[0];
            errors.Add(roots.Count == 0
                ? new("DivisionCode", "division.none", "还没有行政区划：请先在“行政区划”中添加本市", "There is no division yet: add the city under Divisions first")
                : new("DivisionCode", "division.required", "请选择所属行政区划", "Choose the division"));
            return "";
        }
        if (code == current) return code;
        var division = await db.Divisions.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
        if (division is null)
            errors.Add(new("DivisionCode", "division.unknown", $"行政区划 {code} 不存在", $"The division {code} does not exist"));
        else if (division.IsRetired)
            errors.Add(new("DivisionCode", "division.retired", $"行政区划 {division.Name} 已停用", $"The division {division.Name} is retired"));
        return code;
    }

    /// <summary>
    /// The Core rule over the live records that could share a name with this one; and, because the database keeps
    /// names unique among retired records too (units and programmes per division, categories overall), a retired
    /// record of the same name is pointed out to be restored rather than typed again. <paramref name="scope"/> is the
    /// parent code for a division, the division code for a unit or programme.
    /// </summary>
    private async Task<IReadOnlyList<ValidationError>> UniqueNamesAsync(BaseDataKind kind, IReadOnlyList<AnsweredName> names, string? selfKey,
        string? scope, CancellationToken ct)
    {
        var typed = names.Select(n => n.Name).ToList();
        if (typed.Count == 0) return [];
        var self = long.TryParse(selfKey, out var id) ? id : -1;
        var name = names[0].Name;
        List<NamedRecord> live;
        string? retired;
        switch (kind)
        {
            case BaseDataKind.Division:
                live = [.. (await db.Divisions.AsNoTracking().Where(d => !d.IsRetired && d.ParentCode == scope && d.Code != selfKey && typed.Contains(d.Name))
                    .ToListAsync(ct)).Select(Named)];
                retired = null; // keyed by code: two divisions may share a name
                break;
            case BaseDataKind.Unit:
                live = [.. (await db.Units.AsNoTracking().Where(u => !u.IsRetired && u.Id != self
                        && (typed.Contains(u.Name) || (u.ShortName != null && typed.Contains(u.ShortName)) || u.Aliases != null))
                    .ToListAsync(ct)).Select(Named)];
                retired = await db.Units.Where(u => u.IsRetired && u.Id != self && u.DivisionCode == scope && u.Name == name).Select(u => u.Name).FirstOrDefaultAsync(ct);
                break;
            case BaseDataKind.Leader:
                live = [.. (await db.Leaders.AsNoTracking().Where(l => !l.IsRetired && l.Id != self && (typed.Contains(l.Name) || l.Aliases != null))
                    .ToListAsync(ct)).Select(Named)];
                retired = null; // leaders may share a name with a former leader
                break;
            case BaseDataKind.Programme:
                live = [.. (await db.Programmes.AsNoTracking().Where(p => !p.IsRetired && p.Id != self && (typed.Contains(p.Name) || p.Aliases != null))
                    .ToListAsync(ct)).Select(Named)];
                retired = await db.Programmes.Where(p => p.IsRetired && p.Id != self && p.DivisionCode == scope && p.Name == name).Select(p => p.Name).FirstOrDefaultAsync(ct);
                break;
            default:
                live = [.. (await db.Categories.AsNoTracking().Where(c => !c.IsRetired && c.Id != self && (typed.Contains(c.Name) || c.Aliases != null))
                    .ToListAsync(ct)).Select(Named)];
                retired = await db.Categories.Where(c => c.IsRetired && c.Id != self && c.Name == name).Select(c => c.Name).FirstOrDefaultAsync(ct);
                break;
        }
        var errors = UniqueNames(kind, names, live).ToList();
        if (retired is not null && names[0].Field == "Name")
        {
            var (zh, en) = BaseDataNames.Of(kind);
            errors.Add(new("Name", $"{BaseDataNames.CodePrefix(kind)}.name.retired",
                $"已有同名的已停用{zh}“{retired}”：请打开“显示已停用”找到它并恢复，不要重复新建",
                $"A retired {en} \"{retired}\" has this name: show retired records and restore it instead"));
        }
        return errors;
    }
}
