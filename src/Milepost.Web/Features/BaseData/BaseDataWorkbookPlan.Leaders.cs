using Milepost.Core.Ledger;
using Milepost.Core.Portfolio;
using static Milepost.Core.Portfolio.BaseDataWorkbookSheets;
using Values = Milepost.Core.Portfolio.BaseDataWorkbookValues;

namespace Milepost.Web.Features.BaseData;

public sealed partial class BaseDataWorkbookPlan
{
    /// <summary>
    /// Leaders by name or alias. A term written to the month runs from its first day (任职起) or to its last (任职止); a
    /// new leader without an order of precedence comes after the others, in the order of the rows.
    /// </summary>
    private void PlanLeaders()
    {
        var plan = Leaders;
        var next = plan.Stored.Select(l => l.Precedence).DefaultIfEmpty(0).Max() + 1;
        EachRow(plan, (row, name, had, bad) =>
        {
            var sheet = plan.Sheet!;
            var body = Read(sheet, row, Values.Body(row["Body"]), bad);
            var order = Read(sheet, row, Values.Order(row["Precedence"], "Precedence"), bad);
            var from = Read(sheet, row, Values.Date(row["InOfficeFrom"], "InOfficeFrom", _year, DayInMonth.First), bad);
            var to = Read(sheet, row, Values.Date(row["InOfficeTo"], "InOfficeTo", _year, DayInMonth.Last), bad);
            var retired = Read(sheet, row, Values.Retired(row[Retired]), bad);
            var input = new LeaderInput(name, Pick(row, "Title", had?.Title) ?? had?.Title, body ?? had?.Body, order ?? had?.Precedence, Pick(row, "Fields", had?.Fields),
                row.Has("InOfficeFrom") ? from : had?.InOfficeFrom, row.Has("InOfficeTo") ? to : had?.InOfficeTo, Pick(row, "Aliases", had?.Aliases));
            Check(sheet, row, BaseDataRules.Validate(input), bad);
            if (name is null) return;
            NeedCity(plan, row, had is null);
            var leader = had is null ? new Leader { Id = plan.NextPlaceholder(), DivisionCode = City ?? "", Name = name, Title = "" } : Copy(had);
            var p = plan.Add(leader, had, row);
            p.Names = BaseDataRules.NamesOf(input);
            if (BaseDataRules.Clean(input.Title) is { } title) p.Set(H(plan, "Title"), leader.Title, title, v => leader.Title = v);
            if (input.Body is { } b) p.Set(H(plan, "Body"), leader.Body, b, v => leader.Body = v);
            p.Set(H(plan, "Precedence"), leader.Precedence, input.Precedence ?? (had is null ? next++ : leader.Precedence), v => leader.Precedence = v);
            p.Set(H(plan, "Fields"), leader.Fields, BaseDataRules.Clean(input.Fields), v => leader.Fields = v);
            p.Set(H(plan, "InOfficeFrom"), leader.InOfficeFrom, input.InOfficeFrom, v => leader.InOfficeFrom = v);
            p.Set(H(plan, "InOfficeTo"), leader.InOfficeTo, input.InOfficeTo, v => leader.InOfficeTo = v);
            p.Set(H(plan, "Aliases"), leader.Aliases, AliasList.Join(AliasList.Split(input.Aliases)), v => leader.Aliases = v);
            Retire(plan, p, retired, leader.IsRetired, v => leader.IsRetired = v);
        });
        plan.Close();
        Unique(plan);
    }

    /// <summary>Programmes by name or alias; the lead leader by name or alias among the leaders after the import.</summary>
    private void PlanProgrammes()
    {
        var plan = Programmes;
        var next = plan.Stored.Select(p => p.SortOrder).DefaultIfEmpty(0).Max() + 1;
        EachRow(plan, (row, name, had, bad) =>
        {
            var order = Read(plan.Sheet!, row, Values.Order(row["SortOrder"], "SortOrder"), bad);
            var retired = Read(plan.Sheet!, row, Values.Retired(row[Retired]), bad);
            var input = new ProgrammeInput(name, had?.LeadLeaderId, order ?? had?.SortOrder, Pick(row, "Aliases", had?.Aliases));
            Check(plan.Sheet!, row, BaseDataRules.Validate(input), bad);
            if (name is null) return;
            NeedCity(plan, row, had is null);
            var programme = had is null ? new Programme { Id = plan.NextPlaceholder(), DivisionCode = City ?? "", Name = name } : Copy(had);
            var p = plan.Add(programme, had, row);
            p.Names = BaseDataRules.NamesOf(input);
            p.Set(H(plan, "SortOrder"), programme.SortOrder, input.SortOrder ?? (had is null ? next++ : programme.SortOrder), v => programme.SortOrder = v);
            p.Set(H(plan, "Aliases"), programme.Aliases, AliasList.Join(AliasList.Split(input.Aliases)), v => programme.Aliases = v);
            Retire(plan, p, retired, programme.IsRetired, v => programme.IsRetired = v);
            if (row.Has(LeadLeader) && Refer(plan, p, LeadLeader, Leaders, l => l.Id, had?.LeadLeaderId, BaseDataWorkbookRules.UnknownLeader, out var leader))
                p.Set(H(plan, LeadLeader), programme.LeadLeaderId, leader, v => programme.LeadLeaderId = v);
        });
        plan.Close();
        Unique(plan);
    }

    private static Leader Copy(Leader l) => new()
    {
        Id = l.Id, DivisionCode = l.DivisionCode, Name = l.Name, Title = l.Title, Body = l.Body, Precedence = l.Precedence, Fields = l.Fields,
        InOfficeFrom = l.InOfficeFrom, InOfficeTo = l.InOfficeTo, Aliases = l.Aliases, IsRetired = l.IsRetired, Version = l.Version,
    };

    private static Programme Copy(Programme p) => new()
    {
        Id = p.Id, DivisionCode = p.DivisionCode, Name = p.Name, LeadLeaderId = p.LeadLeaderId, SortOrder = p.SortOrder, Aliases = p.Aliases,
        IsRetired = p.IsRetired, Version = p.Version,
    };
}
