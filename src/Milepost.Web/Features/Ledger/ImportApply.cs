using Milepost.Core;
using Milepost.Core.Ledger;
using Milepost.Core.Projects;
using Projects = Milepost.Web.Features.Projects;

namespace Milepost.Web.Features.Ledger;

/// <summary>Applies one ledger row to a project, field by field, naming each field it changed; an empty cell changes nothing.</summary>
public static class ImportApply
{
    public static List<string> Apply(Project p, ProjectLedgerLine line, ImportRefs refs, int year, bool isNew,
        Action<LedgerField, LedgerErrorKind, string?, string[]> add)
    {
        var changed = new List<string>();
        void Set<T>(T? value, T current, Action<T> set, LedgerField field)
        {
            if (value is null || EqualityComparer<T>.Default.Equals(value, current)) return;
            set(value);
            changed.Add(LedgerFieldTable.Label(field));
        }
        Set(line.Name.Trim(), p.Name, v => p.Name = v, LedgerField.Name);
        Set(line.Code?.Trim(), p.Code, v => p.Code = v, LedgerField.Code);
        if (refs.DivisionCode is { } division && (refs.DivisionExplicit || isNew) && division != p.DivisionCode)
        {
            p.DivisionCode = division;
            foreach (var l in p.Leaders) l.DivisionCode = division;
            foreach (var a in p.AnnualPlans) a.DivisionCode = division;
            changed.Add(LedgerFieldTable.Label(LedgerField.Division));
        }
        if (refs.Owner is { } o) Set(o.Id, p.OwnerUnitId, v => p.OwnerUnitId = v, LedgerField.Owner);
        if (refs.Responsible is { } r) Set(r.Id, p.ResponsibleUnitId, v => p.ResponsibleUnitId = v, LedgerField.ResponsibleUnit);
        if (refs.Programme is { } g) Set<long?>(g.Id, p.ProgrammeId, v => p.ProgrammeId = v, LedgerField.Programme);
        if (refs.Category is { } c) Set(c.Id, p.CategoryId, v => p.CategoryId = v, LedgerField.Category);
        if (refs.LeaderIds.Count > 0)
        {
            var wanted = refs.LeaderIds.ToHashSet();
            if (!wanted.SetEquals(p.Leaders.Select(l => l.LeaderId)))
            {
                p.Leaders.RemoveAll(l => !wanted.Contains(l.LeaderId));
                foreach (var id in refs.LeaderIds.Distinct().Where(id => p.Leaders.All(l => l.LeaderId != id)))
                    p.Leaders.Add(new ProjectLeader { LeaderId = id, DivisionCode = p.DivisionCode });
                changed.Add(LedgerFieldTable.Label(LedgerField.Leader));
            }
        }
        if (line.TotalInvestment is { } total) Set(total, p.TotalInvestment, v => p.TotalInvestment = v, LedgerField.TotalInvestment);
        Set(line.Content?.Trim(), p.Content, v => p.Content = v, LedgerField.Content);
        Set(line.PlannedStart, p.PlannedStart, v => p.PlannedStart = v, LedgerField.PlannedStart);
        Set(line.PlannedCompletion, p.PlannedCompletion, v => p.PlannedCompletion = v, LedgerField.PlannedCompletion);
        if (line.AnnualPlan is { } amount) ApplyPlan(p, amount, year, changed, add);
        return changed;
    }

    private static void ApplyPlan(Project p, Money amount, int year, List<string> changed, Action<LedgerField, LedgerErrorKind, string?, string[]> add)
    {
        foreach (var v in AnnualPlanRules.Validate(new AnnualPlanInput(year, amount, null, null, null)))
            add(LedgerField.AnnualPlan, ImportErrorKinds.Rule, null, [v.MessageZh, v.MessageEn]);
        var plan = p.AnnualPlans.FirstOrDefault(a => a.Year == year);
        if (plan is null)
        {
            // The first plan of a year is its baseline (年初计划), as on the project page.
            p.AnnualPlans.Add(new AnnualPlan { DivisionCode = p.DivisionCode, Year = year, PlannedInvestment = amount, BaselineInvestment = amount, Version = 1 });
        }
        else if (plan.PlannedInvestment != amount)
        {
            if (plan.MonthlyPlan.Count > 0)
            {
                add(LedgerField.AnnualPlan, ImportErrorKinds.PlanHasMonths, null, [year.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                return;
            }
            plan.PlannedInvestment = amount;
            plan.Version++;
        }
        else return;
        changed.Add($"{year}年计划投资");
    }

    /// <summary>The fields a ledger row and the form's rules read or write, copied with the project's leaders and plans.</summary>
    public static Project Copy(Project p) => new()
    {
        Id = p.Id, Code = p.Code, Name = p.Name, DivisionCode = p.DivisionCode, ProgrammeId = p.ProgrammeId, CategoryId = p.CategoryId,
        OwnerUnitId = p.OwnerUnitId, ResponsibleUnitId = p.ResponsibleUnitId, ContactPerson = p.ContactPerson, ContactPhone = p.ContactPhone,
        Latitude = p.Latitude, Longitude = p.Longitude, Address = p.Address, TotalInvestment = p.TotalInvestment, Content = p.Content,
        PlannedStart = p.PlannedStart, PlannedCompletion = p.PlannedCompletion, ActualStart = p.ActualStart, ActualCompletion = p.ActualCompletion,
        Stage = p.Stage, Level = p.Level, Tags = p.Tags, Version = p.Version,
        Leaders = [.. p.Leaders.Select(l => new ProjectLeader { ProjectId = l.ProjectId, LeaderId = l.LeaderId, DivisionCode = l.DivisionCode })],
        AnnualPlans = [.. p.AnnualPlans.Select(a => new AnnualPlan
        {
            Id = a.Id, ProjectId = a.ProjectId, DivisionCode = a.DivisionCode, Year = a.Year, PlannedInvestment = a.PlannedInvestment,
            MonthlyPlan = [.. a.MonthlyPlan], Goal = a.Goal, PlannedProgressPercent = a.PlannedProgressPercent,
            BaselineInvestment = a.BaselineInvestment, Version = a.Version,
        })],
    };

    public static ProjectInput ToInput(Project p) => new(p.Code, p.Name, p.DivisionCode, p.ProgrammeId, p.CategoryId, p.OwnerUnitId,
        p.ResponsibleUnitId, [.. p.Leaders.Select(l => l.LeaderId)], p.ContactPerson, p.ContactPhone, p.Latitude, p.Longitude, p.Address,
        p.TotalInvestment, p.Content, p.PlannedStart, p.PlannedCompletion, p.Level, p.Tags);

    /// <summary>The ledger column a rule of the project form is about.</summary>
    public static LedgerField FieldOf(string formField) => formField switch
    {
        "Code" => LedgerField.Code,
        "DivisionCode" => LedgerField.Division,
        "CategoryId" => LedgerField.Category,
        "OwnerUnitId" => LedgerField.Owner,
        "ResponsibleUnitId" => LedgerField.ResponsibleUnit,
        "LeaderIds" => LedgerField.Leader,
        "TotalInvestment" => LedgerField.TotalInvestment,
        "PlannedStart" => LedgerField.PlannedStart,
        "PlannedCompletion" => LedgerField.PlannedCompletion,
        _ => LedgerField.Name,
    };

    /// <summary>The fields an audit event records before and after: the project form's own snapshot.</summary>
    public static object Snapshot(Project p) => Projects.ProjectCommands.Snapshot(p);

    /// <summary>The snapshot with the opening balance the import records beside it, in the same audit event.</summary>
    public static object Snapshot(Project p, OpeningBalance? opening)
    {
        var node = System.Text.Json.JsonSerializer.SerializeToNode(Snapshot(p))!.AsObject();
        if (opening is not null)
            node["Opening"] = System.Text.Json.JsonSerializer.SerializeToNode(new
            {
                Through = opening.Through.ToString(), BeforeYearYuan = opening.CompletedBeforeYear?.Yuan, InYearYuan = opening.CompletedInYear?.Yuan,
            });
        return node;
    }
}
