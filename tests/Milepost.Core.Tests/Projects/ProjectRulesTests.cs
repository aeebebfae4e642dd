using Milepost.Core.Projects;

namespace Milepost.Core.Tests.Projects;

public class ProjectRulesTests
{
    private static readonly ProjectInput Valid = new(
        Code: "2020-511800-48-01-012345",
        Name: "城东污水处理厂扩建工程",
        DivisionCode: "511802",
        ProgrammeId: null,
        CategoryId: 3,
        OwnerUnitId: 10,
        ResponsibleUnitId: 11,
        LeaderIds: [7],
        ContactPerson: "李明",
        ContactPhone: "0759-1234567",
        Latitude: 23.7,
        Longitude: 113.0,
        Address: "城东街道",
        TotalInvestment: Money.FromWan(52000m),
        Content: "新建日处理 5 万吨污水处理设施",
        PlannedStart: new DateOnly(2024, 3, 1),
        PlannedCompletion: new DateOnly(2026, 12, 31),
        Level: KeyProjectLevel.City,
        Tags: "民生|环保");

    private static ValidationError SingleError(ProjectInput p) => Assert.Single(ProjectRules.Validate(p));

    [Fact]
    public void Validate_ValidInput_NoErrors()
    {
        Assert.Empty(ProjectRules.Validate(Valid));
    }

    [Fact]
    public void Validate_OptionalFieldsMissing_NoErrors()
    {
        var p = Valid with
        {
            Code = null, ContactPerson = null, ContactPhone = null, Latitude = null, Longitude = null,
            Address = null, Content = null, PlannedStart = null, PlannedCompletion = null, Tags = null,
        };

        Assert.Empty(ProjectRules.Validate(p));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NameBlank_Required(string name)
    {
        var error = SingleError(Valid with { Name = name });

        Assert.Equal("project.name.required", error.Code);
        Assert.Equal("Name", error.Field);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Validate_NameLength_AtMost200(int length, bool valid)
    {
        var errors = ProjectRules.Validate(Valid with { Name = " " + new string('路', length) + " " });

        Assert.Equal(valid ? [] : ["project.name.length"], errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2020-511800-48-01-012345")]
    [InlineData(" 2020-511800-48-01-012345 ")]
    public void Validate_CodeEmptyOrWellFormed_NoErrors(string? code)
    {
        Assert.Empty(ProjectRules.Validate(Valid with { Code = code }));
    }

    [Theory]
    [InlineData("2020-51180-48-01-012345")]
    [InlineData("2020-511800-48-01-01234")]
    [InlineData("2020-511800-48-01-0123456")]
    [InlineData("2020511800480101 2345")]
    [InlineData("2020_511800_48_01_012345")]
    [InlineData("abcd-511800-48-01-012345")]
    [InlineData("２０２０-５１１８００-４８-０１-０１２３４５")]   // full-width digits are not the code
    [InlineData("٢٠٢٠-٥١١٨٠٠-٤٨-٠١-٠١٢٣٤٥")]                  // nor are Arabic-Indic ones
    public void Validate_CodeMalformed_Refused(string code)
    {
        var error = SingleError(Valid with { Code = code });

        Assert.Equal("project.code.format", error.Code);
        Assert.Equal("Code", error.Field);
    }

    [Theory]
    [InlineData("2020-511800-48-01-012345", true)]
    [InlineData("2020-511800-48-01-012345\n", false)]   // $ alone would let a trailing newline through
    [InlineData(" 2020-511800-48-01-012345", false)]    // callers trim; the check itself does not
    [InlineData("２０２０-５１１８００-４８-０１-０１２３４５", false)]
    public void IsValidCode_Text_OnlyExactAsciiPattern(string code, bool expected)
    {
        Assert.Equal(expected, ProjectRules.IsValidCode(code));
    }

    [Theory]
    [InlineData("51180")]
    [InlineData("5118020")]
    [InlineData("51180a")]
    [InlineData("")]
    public void Validate_DivisionNotSixDigits_Refused(string division)
    {
        Assert.Equal("project.division", SingleError(Valid with { DivisionCode = division }).Code);
    }

    [Fact]
    public void Validate_UnitsAndCategoryNotChosen_RefusedEach()
    {
        var errors = ProjectRules.Validate(Valid with { CategoryId = 0, OwnerUnitId = 0, ResponsibleUnitId = -1 });

        Assert.Equal(["project.category", "project.owner", "project.responsible"], errors.Select(e => e.Code));
    }

    [Fact]
    public void Validate_CompletionBeforeStart_RefusedOnPlannedCompletion()
    {
        var error = SingleError(Valid with { PlannedStart = new DateOnly(2024, 3, 1), PlannedCompletion = new DateOnly(2024, 2, 29) });

        Assert.Equal("project.dates.order", error.Code);
        Assert.Equal("PlannedCompletion", error.Field);
        Assert.Contains("2024-02-29", error.MessageEn);
        Assert.Contains("2024-03-01", error.MessageEn);
    }

    [Fact]
    public void Validate_CompletionEqualsStart_Allowed()
    {
        // Completion is the last day of work, inclusive: a one-day project starts and completes the same day.
        Assert.Empty(ProjectRules.Validate(Valid with { PlannedStart = new DateOnly(2024, 3, 1), PlannedCompletion = new DateOnly(2024, 3, 1) }));
    }

    [Fact]
    public void Validate_OnlyOneDateGiven_Allowed()
    {
        Assert.Empty(ProjectRules.Validate(Valid with { PlannedStart = null }));
        Assert.Empty(ProjectRules.Validate(Valid with { PlannedCompletion = null }));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    public void Validate_TotalInvestment_NotNegative(long yuan, bool valid)
    {
        var errors = ProjectRules.Validate(Valid with { TotalInvestment = new Money(yuan) });

        Assert.Equal(valid ? [] : ["project.investment.negative"], errors.Select(e => e.Code));
    }

    [Fact]
    public void Validate_NoLeader_Refused()
    {
        var error = SingleError(Valid with { LeaderIds = [] });

        Assert.Equal("project.leaders", error.Code);
        Assert.Equal("LeaderIds", error.Field);
    }

    [Theory]
    [InlineData(-90.0, 0.0)]
    [InlineData(90.0, 0.0)]
    [InlineData(0.0, -180.0)]
    [InlineData(0.0, 180.0)]
    [InlineData(23.123456, 113.654321)]
    public void Validate_CoordinatesWithinRange_NoErrors(double lat, double lon)
    {
        Assert.Empty(ProjectRules.Validate(Valid with { Latitude = lat, Longitude = lon }));
    }

    [Theory]
    [InlineData(-90.0001, 0.0, "project.latitude", "Latitude")]
    [InlineData(90.0001, 0.0, "project.latitude", "Latitude")]
    [InlineData(double.NaN, 0.0, "project.latitude", "Latitude")]
    [InlineData(double.PositiveInfinity, 0.0, "project.latitude", "Latitude")]
    [InlineData(0.0, -180.0001, "project.longitude", "Longitude")]
    [InlineData(0.0, 180.0001, "project.longitude", "Longitude")]
    [InlineData(0.0, double.NaN, "project.longitude", "Longitude")]
    [InlineData(0.0, double.NegativeInfinity, "project.longitude", "Longitude")]
    public void Validate_CoordinateOutOfRange_Refused(double lat, double lon, string code, string field)
    {
        var error = SingleError(Valid with { Latitude = lat, Longitude = lon });

        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(23.7, null)]
    [InlineData(null, 113.0)]
    public void Validate_OnlyOneCoordinate_RefusedAsPair(double? lat, double? lon)
    {
        Assert.Equal("project.location.pair", SingleError(Valid with { Latitude = lat, Longitude = lon }).Code);
    }

    [Theory]
    [InlineData("0759-1234567")]
    [InlineData("+86 759 1234567")]
    [InlineData("13800138000")]
    [InlineData(" 13800138000 ")]
    [InlineData("")]
    public void Validate_PhoneDigitsSpacesDashPlus_NoErrors(string phone)
    {
        Assert.Empty(ProjectRules.Validate(Valid with { ContactPhone = phone }));
    }

    [Theory]
    [InlineData("0759-123456a")]
    [InlineData("(0759)1234567")]
    [InlineData("0759—1234567")]   // em dash
    [InlineData("１３８００１３８０００")] // full-width digits
    [InlineData("0759-1234567 转 8")]
    public void Validate_PhoneOtherCharacters_Refused(string phone)
    {
        var error = SingleError(Valid with { ContactPhone = phone });

        Assert.Equal("project.phone", error.Code);
        Assert.Equal("ContactPhone", error.Field);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAll()
    {
        var p = Valid with { Name = "", LeaderIds = [], TotalInvestment = new Money(-1), Latitude = 91, Longitude = null };

        var codes = ProjectRules.Validate(p).Select(e => e.Code).ToList();

        Assert.Equal(["project.name.required", "project.leaders", "project.investment.negative", "project.latitude", "project.location.pair"], codes);
    }
}
