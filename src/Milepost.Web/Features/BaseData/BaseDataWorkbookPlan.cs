using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Web.Features.Ledger;
using static Milepost.Core.Portfolio.BaseDataWorkbookSheets;

namespace Milepost.Web.Features.BaseData;

/// <summary>The base data as stored, read once per import.</summary>
public sealed record BaseDataStored(List<Division> Divisions, List<Unit> Units, List<Leader> Leaders, List<Programme> Programmes, List<Category> Categories);

/// <summary>
/// What a base-data workbook would do, checked before anything is written: each row matched to the record it means
/// (divisions by code; the others by name, short name or alias), its cells read and merged with what the record has,
/// the record checked by <see cref="BaseDataRules"/>, references resolved across sheets (a division's parent code, a
/// unit's parent, a programme's lead leader, each possibly new in the same workbook), and every name left unambiguous.
/// Sheets are planned in the order their references need: divisions (new records belong to the city), leaders, units,
/// programmes, categories. A column the sheet does not have keeps what the record has; an empty cell clears an optional
/// field (a required one, a kind or an order keeps its value).
/// </summary>
public sealed partial class BaseDataWorkbookPlan
{
    private readonly WorkbookErrors _errors;
    private readonly int _year;
    private readonly IReadOnlyList<WorkbookSheet> _sheets;

    public BaseDataWorkbookPlan(IReadOnlyList<WorkbookSheet> sheets, BaseDataStored stored, WorkbookErrors errors, int year)
    {
        (_sheets, _errors, _year) = (sheets, errors, year);
        WorkbookSheet? Sheet(BaseDataKind kind) => sheets.FirstOrDefault(s => s.Spec.Kind == kind);
        // Divisions are found by code, so a division answers to its code alone here; its name is checked among its siblings.
        Divisions = new(BaseDataKind.Division, Sheet(BaseDataKind.Division), stored.Divisions, d => d.Code, d => d.IsRetired, d => new NamedRecord(d.Code, d.Name, [d.Code]));
        Leaders = new(BaseDataKind.Leader, Sheet(BaseDataKind.Leader), stored.Leaders, l => l.Name, l => l.IsRetired, BaseDataRules.Named);
        Units = new(BaseDataKind.Unit, Sheet(BaseDataKind.Unit), stored.Units, u => u.Name, u => u.IsRetired, BaseDataRules.Named);
        Programmes = new(BaseDataKind.Programme, Sheet(BaseDataKind.Programme), stored.Programmes, p => p.Name, p => p.IsRetired, BaseDataRules.Named);
        Categories = new(BaseDataKind.Category, Sheet(BaseDataKind.Category), stored.Categories, c => c.Name, c => c.IsRetired, BaseDataRules.Named);
        PlanDivisions();
        PlanLeaders();
        PlanUnits();
        PlanProgrammes();
        PlanCategories();
    }

    public KindPlan<Division> Divisions { get; }
    public KindPlan<Leader> Leaders { get; }
    public KindPlan<Unit> Units { get; }
    public KindPlan<Programme> Programmes { get; }
    public KindPlan<Category> Categories { get; }

    /// <summary>The code of the city new units, leaders and programmes belong to: the single top-level division after the import.</summary>
    public string? City { get; private set; }

    /// <summary>Each sheet's preview, in the workbook's order.</summary>
    public IReadOnlyList<BaseDataSheetResult> Results() =>
    [
        .. _sheets.Select(s => s.Spec.Kind switch
        {
            BaseDataKind.Division => Result(Divisions, d => $"{d.Code} {d.Name}"),
            BaseDataKind.Leader => Result(Leaders, l => l.Name),
            BaseDataKind.Unit => Result(Units, u => u.Name),
            BaseDataKind.Programme => Result(Programmes, p => p.Name),
            _ => Result(Categories, c => c.Name),
        }),
    ];

    private static BaseDataSheetResult Result<T>(KindPlan<T> plan, Func<T, string> label) where T : class =>
        BaseDataSheetResult.Of(plan.Sheet!.Name, plan.Kind, plan.Sheet.Rows.Count,
            [.. plan.Rows.Select(p => new BaseDataRowOutcome(p.Row!.Number, label(p.Entity), p.Outcome, p.Changed))]);

    /// <summary>
    /// Each row of a sheet keyed by name, with its name (null when blank), the stored record it means and a set to note
    /// the fields whose cells are bad in; a row that means several records or repeats an earlier one is reported and skipped.
    /// </summary>
    private void EachRow<T>(KindPlan<T> plan, Action<WorkbookRow, string?, T?, HashSet<string>> each) where T : class
    {
        foreach (var row in plan.Sheet?.Rows ?? [])
        {
            var name = BaseDataRules.Clean(row.Written("Name"));
            if (Target(plan, row, name, BaseDataWorkbookValues.Retired(row[Retired]).Value, out var had)) each(row, name, had, []);
        }
    }

    /// <summary>
    /// Starts a row of a sheet keyed by name: the stored record the name means (its retired mark choosing between a live
    /// and a retired record of that name), or null for a new one. False (and
    /// reported) when the name means several records or an earlier row already gave the record; a row without a name
    /// goes on, to be refused by the rules with the rest of its errors.
    /// </summary>
    private bool Target<T>(KindPlan<T> plan, WorkbookRow row, string? name, bool? retired, out T? stored) where T : class
    {
        stored = null;
        if (name is null) return true;
        var found = plan.FindStored(name, retired);
        if (found.Count > 1)
        {
            _errors.Add(plan.Sheet!, row, BaseDataWorkbookRules.Ambiguous(plan.Kind, "Name", name, found.Select(f => plan.Named(f).Label)));
            return false;
        }
        stored = found.FirstOrDefault();
        if (plan.Repeats(stored, name, row.Number) is not { } first) return true;
        _errors.Add(plan.Sheet!, row, BaseDataWorkbookRules.Repeated(plan.Kind, "Name", first));
        return false;
    }

    /// <summary>A cell's value; its error, if any, is reported and its field noted, so the rules do not report the cell again.</summary>
    private TV? Read<TV>(WorkbookSheet sheet, WorkbookRow row, BaseDataCell<TV> cell, HashSet<string> bad) where TV : struct
    {
        if (cell.Error is not { } e) return cell.Value;
        _errors.Add(sheet, row, e);
        bad.Add(e.Field);
        return null;
    }

    /// <summary>Reports the rules' errors, except on a cell that already has its own.</summary>
    private void Check(WorkbookSheet sheet, WorkbookRow row, IEnumerable<ValidationError> errors, HashSet<string> bad)
    {
        foreach (var e in errors.Where(e => !bad.Contains(e.Field))) _errors.Add(sheet, row, e);
    }

    /// <summary>A text column's value when the sheet has the column (empty: none), else what the record has.</summary>
    private static string? Pick(WorkbookRow row, string field, string? current) => row.Has(field) ? row.Written(field) : current;

    /// <summary>The header a changed field is named by in the preview.</summary>
    private static string H<T>(KindPlan<T> plan, string field) where T : class => plan.Sheet!.Spec.Column(field).Header;

    /// <summary>Sets the retired mark when the row gives one.</summary>
    private static void Retire<T>(KindPlan<T> plan, Planned<T> p, bool? retired, bool current, Action<bool> set) where T : class
    {
        if (retired is { } r) p.Set(H(plan, Retired), current, r, set);
    }

    /// <summary>No two live records of a kind answer to the same name (<see cref="BaseDataRules.UniqueNames"/>), reported at the later row.</summary>
    private void Unique<T>(KindPlan<T> plan) where T : class
    {
        foreach (var p in plan.Rows.Where(r => !plan.IsRetired(r.Entity)))
            foreach (var e in BaseDataRules.UniqueNames(plan.Kind, p.Names, plan.Clashing(p)))
                _errors.Add(plan.Sheet!, p.Row!, e);
    }

    /// <summary>New units, leaders and programmes need the city to belong to.</summary>
    private void NeedCity<T>(KindPlan<T> plan, WorkbookRow row, bool isNew) where T : class
    {
        if (isNew && City is null) _errors.Add(plan.Sheet!, row.Number, null, row, BaseDataWorkbookRules.NoCity(plan.Kind));
    }

    /// <summary>
    /// Resolves a reference by name among the records after the import (<see cref="KindPlan{T}.FindFinal"/>); an unknown or
    /// ambiguous name, or a retired record newly chosen, is reported at <paramref name="field"/> and gives null with false.
    /// </summary>
    private bool Refer<TFrom, TTo>(KindPlan<TFrom> from, Planned<TFrom> p, string field, KindPlan<TTo> to, Func<TTo, long> id, long? current,
        Func<string, ValidationError> unknown, out long? reference) where TFrom : class where TTo : class
    {
        reference = null;
        if (BaseDataRules.Clean(p.Row!.Written(field)) is not { } name) return true;
        var found = to.FindFinal(name);
        ValidationError? error = found.Count switch
        {
            0 => unknown(name),
            > 1 => BaseDataWorkbookRules.Ambiguous(to.Kind, field, name, found.Select(f => to.Named(f).Label)),
            _ => to.IsRetired(found[0]) && id(found[0]) != current ? BaseDataWorkbookRules.RetiredReference(to.Kind, field, to.Named(found[0]).Label) : null,
        };
        if (error is not null)
        {
            _errors.Add(from.Sheet!, p.Row, error);
            return false;
        }
        reference = id(found[0]);
        return true;
    }
}
