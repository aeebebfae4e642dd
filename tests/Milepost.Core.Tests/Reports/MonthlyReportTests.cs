using Milepost.Core.Reports;

namespace Milepost.Core.Tests.Reports;

public class MonthlyReportTests
{
    [Theory]
    [InlineData(2024, 3, 2024, 4, 5)]
    [InlineData(2024, 1, 2024, 2, 5)]
    [InlineData(2024, 12, 2025, 1, 5)]   // December's report is due in January of the next year
    public void DueDate_DefaultDay_FifthOfNextMonth(int y, int m, int dy, int dm, int dd)
    {
        Assert.Equal(new DateOnly(dy, dm, dd), MonthlyReport.DueDate(new YearMonth(y, m)));
    }

    [Theory]
    [InlineData(2024, 3, 1, 2024, 4, 1)]
    [InlineData(2024, 3, 10, 2024, 4, 10)]
    [InlineData(2024, 12, 15, 2025, 1, 15)]
    public void DueDate_ConfiguredDay_ThatDayOfNextMonth(int y, int m, int dueDay, int dy, int dm, int dd)
    {
        Assert.Equal(new DateOnly(dy, dm, dd), MonthlyReport.DueDate(new YearMonth(y, m), dueDay));
    }
}
