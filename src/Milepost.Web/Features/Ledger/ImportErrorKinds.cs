using Milepost.Core;
using Milepost.Core.Ledger;

namespace Milepost.Web.Features.Ledger;

/// <summary>Where an import runs; it decides how a refusal tells the user to allow creation.</summary>
public enum ImportDoor { Web, CommandLine }

/// <summary>The problems the import finds beyond one row's cells: names not found, the form's rules, clashes with the database.</summary>
public static class ImportErrorKinds
{
    private static readonly AsyncLocal<ImportDoor> door = new();

    /// <summary>
    /// The door of the import running in this flow (the web page and the API unless the command line says otherwise), read
    /// like the UI culture: the command line sets it once, and the kinds below name its switch instead of the page's checkbox.
    /// </summary>
    public static ImportDoor Door { get => door.Value; set => door.Value = value; }

    private static string CreateHint => Door == ImportDoor.CommandLine
        ? "；如需新建，请加上 --create-missing 重新导入"
        : "；如需新建，请勾选“自动创建缺少的单位、专项和类别”";
    private static string CreateHintEn => Door == ImportDoor.CommandLine
        ? "; import again with --create-missing to create it"
        : "; tick \"create missing units, programmes and categories\" to create it";

    public static LedgerErrorKind UnknownOwner => new("import.unknown_owner", "业主单位“{0}”不存在" + CreateHint, "Owner unit \"{0}\" does not exist" + CreateHintEn);
    public static LedgerErrorKind UnknownResponsible => new("import.unknown_responsible", "责任单位“{0}”不存在" + CreateHint, "Responsible unit \"{0}\" does not exist" + CreateHintEn);
    public static LedgerErrorKind UnknownProgramme => new("import.unknown_programme", "专项（板块）“{0}”不存在" + CreateHint, "Programme \"{0}\" does not exist" + CreateHintEn);
    public static LedgerErrorKind UnknownCategory => new("import.unknown_category", "行业类别“{0}”不存在" + CreateHint, "Category \"{0}\" does not exist" + CreateHintEn);
    public static LedgerErrorKind UnknownLeader => new("import.unknown_leader", "联系市领导“{0}”不在市领导名单中（请先在“基础数据 › 市领导”中添加，或按姓名和职务自动创建）" + CreateHint,
        "City leader \"{0}\" is not on the leaders list (add them under Base data › Leaders, or create them from name and title)" + CreateHintEn);
    public static readonly LedgerErrorKind UnknownLeaderNoTitle = new("import.unknown_leader_no_title",
        "联系市领导“{0}”不在市领导名单中，表中也未写职务，无法自动创建：请写成“{0}（副市长）”这样的姓名加职务，或先在“基础数据 › 市领导”中添加",
        "City leader \"{0}\" is not on the leaders list and no title is written to create them from: write \"{0} (vice mayor)\", or add them under Base data › Leaders");
    public static readonly LedgerErrorKind LeaderTitleDiffers = new("import.leader_title", "表中写的“{0}（{1}）”与市领导名单中的职务“{2}”不一致，按姓名匹配，请核对",
        "\"{0} ({1})\" in the file differs from the recorded title \"{2}\"; matched by name, please check", IsWarning: true);
    public static LedgerErrorKind UnmatchedSection => new("import.unmatched_section",
        "分组标题“{0}”对应不到行业类别：请在预览中为它选择类别，或在表中加“项目类别”列" + CreateHint,
        "Section \"{0}\" matches no category: choose one for it in the preview, or add a category column" + CreateHintEn);
    public static readonly LedgerErrorKind UnknownDivision = new("import.unknown_division", "行政区划“{0}”不存在（导入不会新建行政区划）",
        "Division \"{0}\" does not exist (an import never creates divisions)");
    public static readonly LedgerErrorKind NoDefaultDivision = new("import.no_division", "未填写行政区划，且系统中没有唯一的市级行政区划可作默认",
        "No division given and there is no single top-level division to default to");
    public static readonly LedgerErrorKind MissingForNew = new("import.missing_for_new", "新建项目时“{0}”不能为空", "{0} is required to create a project");
    public static readonly LedgerErrorKind CodeConflict = new("import.code_conflict", "同名项目（同一行政区划）已有项目代码“{0}”，与表中代码不一致，请核对",
        "The project of this name in this division already has code \"{0}\", not the one in the file");
    public static readonly LedgerErrorKind SameProject = new("import.same_project", "与第{0}行对应的是同一个已有项目", "Row {0} already matches the same existing project");
    public static readonly LedgerErrorKind PlanHasMonths = new("import.plan_months", "该项目{0}年计划已分月填报，不能用导入修改年度计划投资，请在项目页面调整分月计划",
        "The project's {0} plan is split by month; change it on the project page, not by import");
    public static readonly LedgerErrorKind OpeningAfterReports = new("import.opening_after_reports",
        "该项目自{0}起已有月报，期初数据只能覆盖尚无月报的月份（本表截至{1}）；请删去该行的期初数，或改由月报导入补录",
        "The project has reports from {0}; an opening balance may only cover months without reports (this file runs through {1})");
    /// <summary>A rule of the project form (ProjectRules, AnnualPlanRules): {0} is its Chinese message, {1} its English one.</summary>
    public static readonly LedgerErrorKind Rule = new("import.rule", "{0}", "{1}");
    public static readonly LedgerErrorKind Changed = new("import.changed", "导入过程中该项目已被他人修改，未导入任何数据，请重新导入",
        "Someone changed this project during the import; nothing was imported, import again");

    /// <summary>
    /// Runs an import's write; a row another user wrote between the check and the write (a stale version, a report
    /// created for the same month, a unit deleted) rolls it all back and comes out as a validation error, not a failure.
    /// </summary>
    public static async Task<T> UnlessChangedAsync<T>(Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 })
        {
            throw new ValidationException(new ValidationError("", Changed.Code,
                "导入过程中数据已被他人修改，未导入任何数据，请重新导入", "Someone changed the data during the import; nothing was imported, import again"));
        }
    }

    // Monthly reports (ReportImport). A month comes as 2020年5月 for the Chinese message and as 2020-05 for the English one
    // (the English text takes the argument after the Chinese ones).
    public static readonly LedgerErrorKind UnknownProjectCode = new("import.unknown_project_code", "找不到项目代码为“{0}”的项目",
        "No project has the code \"{0}\"");
    public static readonly LedgerErrorKind UnknownProjectName = new("import.unknown_project_name", "找不到名称为“{0}”的项目（名称须与系统中的项目名称完全一致，或改填项目代码）",
        "No project is named \"{0}\" (the name must match exactly; or give the project code)");
    public static readonly LedgerErrorKind AmbiguousProject = new("import.ambiguous_project", "名称为“{0}”的项目不止一个（{1}），请填写项目代码或行政区划",
        "More than one project is named \"{0}\" ({1}); give the project code or the division");
    public static readonly LedgerErrorKind NameMismatch = new("import.name_mismatch", "项目代码“{0}”对应的项目是“{1}”，与表中名称不一致，以项目代码为准，请核对",
        "Code \"{0}\" belongs to \"{1}\", not the name in the file; the code decides, please check", IsWarning: true);
    public static readonly LedgerErrorKind NotInDivision = new("import.not_in_division", "{1}没有名称为“{0}”的项目（该名称的项目在：{2}），请核对县区或填写项目代码",
        "No project named \"{0}\" in {1} (projects of that name are in: {2}); check the division or give the code");
    public static readonly LedgerErrorKind FutureMonth = new("import.future_month", "{0}尚未开始，不能填报月报", "{1} has not begun; it cannot be reported yet");
    public static readonly LedgerErrorKind SameReport = new("import.same_report", "与第{0}行重复（同一项目、同一月份）", "Row {0} reports the same project and month");
    public static readonly LedgerErrorKind ReportAwaitingReview = new("import.report_submitted",
        "该项目{0}月报已报送、正等待审核，其数据与表中不一致（{1}）；导入不能修改待审核的月报，请先在月报审核页将其退回，再重新导入",
        "The {2} report is submitted and awaiting review, with other figures ({1}); return it on the review page, then import again");
    public static readonly LedgerErrorKind ReportApproved = new("import.report_approved",
        "该项目{0}月报已审核通过，其数据与表中不一致（{1}）；已审核的月报不能通过导入修改；如需更正，请由业主单位在月报页面发起更正并说明原因",
        "The {2} report is approved, with other figures ({1}); the owner corrects an approved report on its page, with a reason, not by import");
}
