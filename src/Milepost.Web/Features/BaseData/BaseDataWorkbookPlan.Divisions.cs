using Milepost.Core.Portfolio;
using static Milepost.Core.Portfolio.BaseDataWorkbookSheets;
using Values = Milepost.Core.Portfolio.BaseDataWorkbookValues;

namespace Milepost.Web.Features.BaseData;

public sealed partial class BaseDataWorkbookPlan
{
    /// <summary>
    /// Divisions by their code. The parent is checked after every row is read, so a city and its districts may come in
    /// any order; a parent that is retired is refused only when the row newly chooses it. A division's name is unique
    /// among its live siblings.
    /// </summary>
    private void PlanDivisions()
    {
        var plan = Divisions;
        var stored = plan.Stored.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var inputs = new Dictionary<Planned<Division>, DivisionInput>();
        foreach (var row in plan.Sheet?.Rows ?? [])
        {
            var bad = new HashSet<string>();
            var code = Values.Code(row["Code"]);
            var had = code is null ? null : stored.GetValueOrDefault(code);
            if (code is not null && plan.Repeats(had, code, row.Number) is { } first)
            {
                _errors.Add(plan.Sheet!, row, BaseDataWorkbookRules.Repeated(plan.Kind, "Code", first));
                continue;
            }
            var retired = Read(plan.Sheet!, row, Values.Retired(row[Retired]), bad);
            var input = new DivisionInput(code, Pick(row, "Name", had?.Name) ?? had?.Name, row.Has("ParentCode") ? Values.Code(row["ParentCode"]) : had?.ParentCode);
            if (code is null)
            {
                Check(plan.Sheet!, row, BaseDataRules.Validate(input, null), bad);
                continue;
            }
            var division = had is null ? new Division { Code = code, Name = "" } : Copy(had);
            var p = plan.Add(division, had, row);
            p.Names = BaseDataRules.NamesOf(input);
            inputs[p] = input;
            if (BaseDataRules.Clean(input.Name) is { } name) p.Set(H(plan, "Name"), division.Name, name, v => division.Name = v);
            p.Set(H(plan, "ParentCode"), division.ParentCode, input.ParentCode, v => division.ParentCode = v);
            Retire(plan, p, retired, division.IsRetired, v => division.IsRetired = v);
        }
        plan.Close();

        var final = plan.Final.GroupBy(f => f.Entity.Code).ToDictionary(g => g.Key, g => g.Last().Entity, StringComparer.Ordinal);
        foreach (var (p, input) in inputs)
        {
            var parent = input.ParentCode is { } pc ? final.GetValueOrDefault(pc) : null;
            var keptParent = p.Stored is not null && p.Stored.ParentCode == input.ParentCode;
            var errors = BaseDataRules.Validate(input, parent).Where(e => !(keptParent && e.Code == "division.parent.retired"));
            Check(plan.Sheet!, p.Row!, errors, []);
        }
        var tops = plan.Final.Where(f => f.Entity.ParentCode is null).ToList();
        City = tops.Count == 1 ? tops[0].Entity.Code : null;

        // Names among siblings: two cities of a province may both have a 市中区.
        var siblings = plan.Final.Where(f => !f.Entity.IsRetired).ToLookup(f => f.Entity.ParentCode ?? "");
        foreach (var p in plan.Rows.Where(r => !r.Entity.IsRetired))
        {
            var others = siblings[p.Entity.ParentCode ?? ""].Where(o => !ReferenceEquals(o, p) && (o.Row is null || o.Row.Number < p.Row!.Number));
            foreach (var e in BaseDataRules.UniqueNames(BaseDataKind.Division, p.Names, others.Select(o => BaseDataRules.Named(o.Entity))))
                _errors.Add(plan.Sheet!, p.Row!, e);
        }
    }

    private void PlanCategories()
    {
        var plan = Categories;
        var next = plan.Stored.Select(c => c.SortOrder).DefaultIfEmpty(0).Max() + 1;
        EachRow(plan, (row, name, had, bad) =>
        {
            var order = Read(plan.Sheet!, row, Values.Order(row["SortOrder"], "SortOrder"), bad);
            var retired = Read(plan.Sheet!, row, Values.Retired(row[Retired]), bad);
            var input = new CategoryInput(name, Pick(row, "NameEn", had?.NameEn), order ?? had?.SortOrder, Pick(row, "Aliases", had?.Aliases));
            Check(plan.Sheet!, row, BaseDataRules.Validate(input), bad);
            if (name is null) return;
            var category = had is null ? new Category { Id = plan.NextPlaceholder(), Name = name } : Copy(had);
            var p = plan.Add(category, had, row);
            p.Names = BaseDataRules.NamesOf(input);
            p.Set(H(plan, "NameEn"), category.NameEn, BaseDataRules.Clean(input.NameEn), v => category.NameEn = v);
            p.Set(H(plan, "SortOrder"), category.SortOrder, input.SortOrder ?? (had is null ? next++ : category.SortOrder), v => category.SortOrder = v);
            p.Set(H(plan, "Aliases"), category.Aliases, AliasList.Join(AliasList.Split(input.Aliases)), v => category.Aliases = v);
            Retire(plan, p, retired, category.IsRetired, v => category.IsRetired = v);
        });
        plan.Close();
        Unique(plan);
    }

    private static Division Copy(Division d) => new() { Code = d.Code, Name = d.Name, ParentCode = d.ParentCode, IsRetired = d.IsRetired, Version = d.Version };

    private static Category Copy(Category c) => new()
    {
        Id = c.Id, Name = c.Name, NameEn = c.NameEn, SortOrder = c.SortOrder, Aliases = c.Aliases, IsRetired = c.IsRetired, Version = c.Version,
    };
}
