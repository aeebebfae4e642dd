namespace Milepost.Core.Ledger;

/// <summary>
/// A project row with every value typed. Names of units, leaders, programme, category and division stay
/// strings: the web layer looks them up and reports the unknown ones (issue 8: none created silently).
/// </summary>
/// <param name="LeaderMentions">联系市领导 as written: each leader's name and the title beside it ("王伟（副市长）"); see <see cref="Ledger.LeaderMentions"/>.</param>
/// <param name="Section">The section heading the row sat under ("交通项目"), for the web layer to map to a category or programme.</param>
/// <param name="CompletedBeforeYear">截至上年底累计完成投资, as written.</param>
/// <param name="CompletedToDate">开工累计完成投资, as written.</param>
/// <param name="CompletedThisYear">本年累计 / 1-N月完成投资, as written; <see cref="LedgerHeader.ThisYearThrough"/> gives N.</param>
public sealed record ProjectLedgerLine(
    int RowNumber,
    string Name,
    string? Code,
    Money? TotalInvestment,
    Money? AnnualPlan,
    string? Owner,
    string? ResponsibleUnit,
    IReadOnlyList<LeaderMention> LeaderMentions,
    string? Content,
    DateOnly? PlannedStart,
    DateOnly? PlannedCompletion,
    string? Category,
    string? Programme,
    string? Division,
    string? Section,
    Money? CompletedBeforeYear = null,
    Money? CompletedToDate = null,
    Money? CompletedThisYear = null)
{
    /// <summary>A line whose leaders are names alone (no titles), as lines were built before titles were read.</summary>
    public ProjectLedgerLine(int rowNumber, string name, string? code, Money? totalInvestment, Money? annualPlan, string? owner,
        string? responsibleUnit, IReadOnlyList<string> leaders, string? content, DateOnly? plannedStart, DateOnly? plannedCompletion,
        string? category, string? programme, string? division, string? section)
        : this(rowNumber, name, code, totalInvestment, annualPlan, owner, responsibleUnit,
            [.. leaders.Select(n => new LeaderMention(n, null))], content, plannedStart, plannedCompletion, category, programme, division, section)
    {
    }

    /// <summary>联系市领导 by name, split at 、，,;/ and spaces (the names of <see cref="LeaderMentions"/>).</summary>
    public IReadOnlyList<string> Leaders => [.. LeaderMentions.Select(m => m.Name)];

    /// <summary>The opening figures of the row (<see cref="LedgerOpening.Of"/>).</summary>
    public LedgerOpening Opening => LedgerOpening.Of(CompletedBeforeYear, CompletedToDate, CompletedThisYear);
}

/// <summary>A monthly report row: the project by code or name, the month and its figures.</summary>
/// <param name="ProgressPercent">形象进度 when written as a percentage; null when it is words (kept in ProgressText).</param>
public sealed record MonthlyReportLine(
    int RowNumber,
    string? Code,
    string? Name,
    YearMonth Month,
    Money Completed,
    Money? Cumulative,
    decimal? ProgressPercent,
    string? ProgressText,
    string? Narrative,
    string? ProgressReason = null,
    string? NextMonthPlan = null,
    string? Division = null);

/// <summary>A parsed row: the line when it has no errors, and every problem found (warnings may come with a line).</summary>
/// <param name="Draft">
/// The row as far as its cells could be read (a bad cell left empty), also when it has errors: the import still looks up
/// its names, so that a row's unknown owner is reported with its bad amount, not only after the amount is fixed.
/// </param>
public sealed record LedgerResult<T>(T? Line, IReadOnlyList<LedgerError> Errors, T? Draft = null) where T : class
{
    public bool IsValid => Line is not null;
}

/// <summary>Turns data rows into typed lines, reporting every bad cell of a row, not only the first.</summary>
public static class LedgerLines
{
    /// <summary>Reads a project row; <paramref name="year"/> completes dates written as "6月底".</summary>
    public static LedgerResult<ProjectLedgerLine> ParseProject(string sheet, LedgerRow row, int year)
    {
        var errors = new List<LedgerError>();
        var cells = new Cells(sheet, row, errors);
        var name = cells.RequiredText(LedgerField.Name);
        var total = cells.Money(LedgerField.TotalInvestment);
        var plan = cells.Money(LedgerField.AnnualPlan);
        var start = cells.Date(LedgerField.PlannedStart, year, DayInMonth.First);
        var completion = cells.Date(LedgerField.PlannedCompletion, year, DayInMonth.Last);

        if (start > completion)
            cells.Add(LedgerField.PlannedStart, LedgerErrorKinds.StartAfterCompletion);
        // A warning, not an error: an annual plan above the total is nearly always a 亿/万 slip the user
        // should see, but SPEC §3.1 sets no such rule and one odd row must not block a whole import.
        if (plan > total)
            cells.Add(LedgerField.AnnualPlan, LedgerErrorKinds.AnnualPlanAboveTotal);

        var draft = new ProjectLedgerLine(
            row.RowNumber, name ?? "", cells.Text(LedgerField.Code), total, plan,
            cells.Text(LedgerField.Owner), cells.Text(LedgerField.ResponsibleUnit), LeaderMentions.Read(cells.Text(LedgerField.Leader)),
            cells.Text(LedgerField.Content), start, completion,
            cells.Text(LedgerField.Category), cells.Text(LedgerField.Programme), cells.Text(LedgerField.Division), row.Section,
            cells.Money(LedgerField.CompletedBeforeYear), cells.Money(LedgerField.CompletedToDate), cells.Money(LedgerField.CompletedThisYear));
        if (draft.Opening.Error is { } opening)
            cells.Add(LedgerField.CompletedToDate, opening);
        return new LedgerResult<ProjectLedgerLine>(errors.Any(e => !e.IsWarning) ? null : draft, errors, draft);
    }

    /// <summary>Reads a monthly report row; <paramref name="year"/> completes a month written as "5月".</summary>
    public static LedgerResult<MonthlyReportLine> ParseReport(string sheet, LedgerRow row, int year)
    {
        var errors = new List<LedgerError>();
        var cells = new Cells(sheet, row, errors);
        var code = cells.Text(LedgerField.Code);
        var name = cells.Text(LedgerField.Name);
        if (code is null && name is null)
            cells.Add(row.Cells.ContainsKey(LedgerField.Code) ? LedgerField.Code : LedgerField.Name, LedgerErrorKinds.MissingValue,
                LedgerFieldTable.Labels(LedgerFieldTable.Reports.OneOfRequired));
        var month = cells.Month(LedgerField.Month, year);
        var completed = cells.Money(LedgerField.MonthCompleted, required: true);
        var cumulative = cells.Money(LedgerField.CumulativeCompleted);
        var percent = cells.Percent(LedgerField.PhysicalProgress);

        // The draft of a row with errors serves to find its project; its unreadable month and amount are placeholders.
        var draft = new MonthlyReportLine(
            row.RowNumber, code, name, month ?? default, completed ?? Core.Money.Zero, cumulative, percent,
            cells.Text(LedgerField.PhysicalProgress), cells.Text(LedgerField.Narrative), cells.Text(LedgerField.ProgressReason),
            cells.Text(LedgerField.NextMonthPlan), cells.Text(LedgerField.Division));
        var valid = !errors.Any(e => !e.IsWarning) && month is not null && completed is not null;
        return new LedgerResult<MonthlyReportLine>(valid ? draft : null, errors, code is null && name is null ? null : draft);
    }

    /// <summary>
    /// "张三、李四" and "张三 李四" → [张三, 李四]; but "张  三" → [张三]: offices pad two-character names
    /// with spaces to line them up. Titles written beside the names are dropped ("王伟（副市长）" → 王伟); see
    /// <see cref="LeaderMentions.Read"/>, which keeps them.
    /// </summary>
    public static IReadOnlyList<string> SplitNames(string? text) => [.. LeaderMentions.Read(text).Select(m => m.Name)];

    /// <summary>Reads the cells of one row, adding an error for each bad one.</summary>
    private sealed class Cells(string sheet, LedgerRow row, List<LedgerError> errors)
    {
        public void Add(LedgerField field, LedgerErrorKind kind, params string[] args)
        {
            var cell = row.Cells.GetValueOrDefault(field);
            errors.Add(new LedgerError(sheet, row.RowNumber, cell?.Column, Written(cell?.Value), kind, args));
        }

        public string? Text(LedgerField field) => LedgerValues.ParseText(row[field]);

        public string? RequiredText(LedgerField field)
        {
            var text = Text(field);
            if (text is null) Add(field, LedgerErrorKinds.MissingValue, LedgerFieldTable.Label(field));
            return text;
        }

        public Money? Money(LedgerField field, bool required = false)
        {
            var cell = row.Cells.GetValueOrDefault(field);
            var value = cell is null ? LedgerValue<Money>.Empty : LedgerValues.ParseMoney(cell.Value, cell.Unit);
            if (required && value.IsEmpty) Add(field, LedgerErrorKinds.MissingValue, LedgerFieldTable.Label(field));
            return Check(field, value);
        }

        public DateOnly? Date(LedgerField field, int year, DayInMonth day) => Check(field, LedgerValues.ParseDate(row[field], year, day));

        public YearMonth? Month(LedgerField field, int year)
        {
            var value = LedgerValues.ParseMonth(row[field], year);
            if (value.IsEmpty) Add(field, LedgerErrorKinds.MissingValue, LedgerFieldTable.Label(field));
            return Check(field, value);
        }

        public decimal? Percent(LedgerField field) => Check(field, LedgerValues.ParsePercent(row[field]));

        private T? Check<T>(LedgerField field, LedgerValue<T> value) where T : struct
        {
            if (value.Error is { } kind) Add(field, kind);
            return value.Value;
        }

        private static string? Written(object? value) => value switch
        {
            null => null,
            DateTime dt => dt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>
/// Checks across the rows of one file as they stream past: a project code appears once; a name appears
/// once per division (the key issue 8 matches existing projects by); a report once per project and month.
/// Holds one entry per row seen, not the rows.
/// </summary>
public sealed class LedgerDuplicates(string sheet)
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Division, string Name), int> _names = new();
    private readonly Dictionary<(string Project, int Month), int> _reports = new();

    /// <summary>The duplicate errors of this line against the lines seen before it (the first one stays clean).</summary>
    public IReadOnlyList<LedgerError> Add(ProjectLedgerLine line, LedgerHeader header)
    {
        var errors = new List<LedgerError>();
        if (line.Code is { } code && !_codes.TryAdd(code, line.RowNumber))
            errors.Add(new LedgerError(sheet, line.RowNumber, header.ColumnOf(LedgerField.Code)?.Index, code,
                LedgerErrorKinds.DuplicateCode, _codes[code].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var key = (line.Division ?? "", line.Name);
        if (!_names.TryAdd(key, line.RowNumber))
            errors.Add(new LedgerError(sheet, line.RowNumber, header.ColumnOf(LedgerField.Name)?.Index, line.Name,
                LedgerErrorKinds.DuplicateName, _names[key].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return errors;
    }

    /// <summary>The duplicate error of a report row against the rows seen before it, if any.</summary>
    public IReadOnlyList<LedgerError> Add(MonthlyReportLine line, LedgerHeader header)
    {
        var project = line.Code is { } c ? "code:" + c : $"name:{line.Division}/{line.Name}";
        var key = (project, line.Month.ToInt());
        if (_reports.TryAdd(key, line.RowNumber)) return [];
        return [new LedgerError(sheet, line.RowNumber, header.ColumnOf(LedgerField.Month)?.Index, null,
            LedgerErrorKinds.DuplicateReport, _reports[key].ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }
}
