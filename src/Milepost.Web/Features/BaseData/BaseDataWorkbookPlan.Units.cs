using Milepost.Core.Portfolio;
using static Milepost.Core.Portfolio.BaseDataWorkbookSheets;
using Values = Milepost.Core.Portfolio.BaseDataWorkbookValues;

namespace Milepost.Web.Features.BaseData;

public sealed partial class BaseDataWorkbookPlan
{
    /// <summary>
    /// Units by name, short name or alias. The parent is named the same way and resolved after every row is read, among
    /// the units after the import (a group and its subsidiary may both be new); it may not make a loop.
    /// </summary>
    private void PlanUnits()
    {
        var plan = Units;
        EachRow(plan, (row, name, had, bad) =>
        {
            var kind = Read(plan.Sheet!, row, Values.Kind(row["Kind"]), bad);
            var retired = Read(plan.Sheet!, row, Values.Retired(row[Retired]), bad);
            var input = new UnitInput(name, Pick(row, "ShortName", had?.ShortName), kind ?? had?.Kind, had?.ParentId, Pick(row, "Aliases", had?.Aliases),
                Pick(row, "ContactPerson", had?.ContactPerson), Pick(row, "ContactPhone", had?.ContactPhone));
            Check(plan.Sheet!, row, BaseDataRules.Validate(input), bad);
            if (name is null) return;
            NeedCity(plan, row, had is null);
            var unit = had is null ? new Unit { Id = plan.NextPlaceholder(), DivisionCode = City ?? "", Name = name } : Copy(had);
            var p = plan.Add(unit, had, row);
            p.Names = BaseDataRules.NamesOf(input);
            p.Set(H(plan, "ShortName"), unit.ShortName, BaseDataRules.Clean(input.ShortName), v => unit.ShortName = v);
            if (input.Kind is { } k) p.Set(H(plan, "Kind"), unit.Kind, k, v => unit.Kind = v);
            p.Set(H(plan, "Aliases"), unit.Aliases, AliasList.Join(AliasList.Split(input.Aliases)), v => unit.Aliases = v);
            p.Set(H(plan, "ContactPerson"), unit.ContactPerson, BaseDataRules.Clean(input.ContactPerson), v => unit.ContactPerson = v);
            p.Set(H(plan, "ContactPhone"), unit.ContactPhone, BaseDataRules.Clean(input.ContactPhone), v => unit.ContactPhone = v);
            Retire(plan, p, retired, unit.IsRetired, v => unit.IsRetired = v);
        });
        plan.Close();

        foreach (var p in plan.Rows.Where(r => r.Row!.Has(Parent)))
        {
            var unit = p.Entity;
            if (Refer(plan, p, Parent, plan, u => u.Id, p.Stored?.ParentId, BaseDataWorkbookRules.UnknownParentUnit, out var parent))
                p.Set(H(plan, Parent), unit.ParentId, parent, v => unit.ParentId = v);
        }
        var parents = plan.Final.ToDictionary(f => f.Entity.Id, f => f.Entity.ParentId);
        foreach (var p in plan.Rows)
            if (BaseDataRules.UnitParent(p.Entity.Id, p.Entity.ParentId, id => parents.GetValueOrDefault(id)) is { } loop)
                _errors.Add(plan.Sheet!, p.Row!, loop);
        Unique(plan);
    }

    /// <summary>Stored units whose kind the workbook moves between 业主单位 and the responsible kinds (the projects that name them decide).</summary>
    public IEnumerable<Planned<Unit>> SideChanges() =>
        Units.Rows.Where(p => p.Stored is { } s && s.Kind.IsResponsible() != p.Entity.Kind.IsResponsible());

    private static Unit Copy(Unit u) => new()
    {
        Id = u.Id, DivisionCode = u.DivisionCode, Name = u.Name, ShortName = u.ShortName, Kind = u.Kind, ParentId = u.ParentId, Aliases = u.Aliases,
        ContactPerson = u.ContactPerson, ContactPhone = u.ContactPhone, IsRetired = u.IsRetired, Version = u.Version,
    };
}
