using System.Text.RegularExpressions;
using Milepost.Core.Portfolio;

namespace Milepost.Core.Projects;

/// <summary>What a user enters for a project's core facts, before it is checked.</summary>
public sealed record ProjectInput(
    string? Code,
    string Name,
    string DivisionCode,
    long? ProgrammeId,
    long CategoryId,
    long OwnerUnitId,
    long ResponsibleUnitId,
    IReadOnlyList<long> LeaderIds,
    string? ContactPerson,
    string? ContactPhone,
    double? Latitude,
    double? Longitude,
    string? Address,
    Money TotalInvestment,
    string? Content,
    DateOnly? PlannedStart,
    DateOnly? PlannedCompletion,
    KeyProjectLevel Level,
    string? Tags);

public static partial class ProjectRules
{
    /// <summary>项目代码: year-division-industry-type-serial, e.g. 2020-511800-48-01-012345.</summary>
    // ASCII digits only (\d would accept full-width ones from an IME) and \z, as $ allows a trailing newline.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}\z")]
    private static partial Regex CodePattern();

    public static bool IsValidCode(string code) => CodePattern().IsMatch(code);

    /// <summary>A phone number as offices write it: digits, spaces, '-' and '+' (0835-2610001, +86 138 0000 0000).</summary>
    public static bool IsValidPhone(string phone) => phone.All(ch => char.IsAsciiDigit(ch) || ch is '-' or ' ' or '+');

    /// <summary>Checks a project's facts; an empty list means they may be saved.</summary>
    public static IReadOnlyList<ValidationError> Validate(ProjectInput p)
    {
        var errors = new List<ValidationError>();
        void Add(string field, string code, string zh, string en) => errors.Add(new(field, code, zh, en));

        if (string.IsNullOrWhiteSpace(p.Name))
            Add("Name", "project.name.required", "项目名称不能为空", "The project name is required");
        else if (p.Name.Trim().Length > 200)
            Add("Name", "project.name.length", "项目名称不能超过 200 个字", "The project name cannot exceed 200 characters");
        if (!string.IsNullOrWhiteSpace(p.Code) && !IsValidCode(p.Code.Trim()))
            Add("Code", "project.code.format", $"项目代码“{p.Code.Trim()}”格式不对，应如 2020-511800-48-01-012345",
                $"The project code \"{p.Code.Trim()}\" should look like 2020-511800-48-01-012345");
        if (!Division.IsValidCode(p.DivisionCode))
            Add("DivisionCode", "project.division", "请选择行政区划（6 位代码）", "Choose a division (6-digit code)");
        if (p.CategoryId <= 0)
            Add("CategoryId", "project.category", "请选择行业类别", "Choose a category");
        if (p.OwnerUnitId <= 0)
            Add("OwnerUnitId", "project.owner", "请选择业主单位", "Choose an owner unit");
        if (p.ResponsibleUnitId <= 0)
            Add("ResponsibleUnitId", "project.responsible", "请选择责任单位", "Choose a responsible unit");
        if (p.LeaderIds.Count == 0)
            Add("LeaderIds", "project.leaders", "请至少选择一位联系市领导", "Link at least one city leader");
        if (p.TotalInvestment.IsNegative)
            Add("TotalInvestment", "project.investment.negative", "总投资不能为负数", "Total investment cannot be negative");
        if (p.PlannedStart is { } s && p.PlannedCompletion is { } c && c < s)
            Add("PlannedCompletion", "project.dates.order",
                $"计划竣工日期 {c:yyyy-MM-dd} 早于计划开工日期 {s:yyyy-MM-dd}", $"Planned completion {c:yyyy-MM-dd} is before planned start {s:yyyy-MM-dd}");
        // Written as "not within" so that NaN is refused too.
        if (p.Latitude is double lat && lat is not (>= -90 and <= 90))
            Add("Latitude", "project.latitude", "纬度须在 -90 至 90 之间", "Latitude must be between -90 and 90");
        if (p.Longitude is double lon && lon is not (>= -180 and <= 180))
            Add("Longitude", "project.longitude", "经度须在 -180 至 180 之间", "Longitude must be between -180 and 180");
        if ((p.Latitude is null) != (p.Longitude is null))
            Add("Longitude", "project.location.pair", "经度和纬度须同时填写", "Give both latitude and longitude, or neither");
        if (!string.IsNullOrWhiteSpace(p.ContactPhone) && !IsValidPhone(p.ContactPhone.Trim()))
            Add("ContactPhone", "project.phone", "联系电话只能包含数字、空格、“-”和“+”", "The phone number may contain only digits, spaces, '-' and '+'");
        return errors;
    }
}
