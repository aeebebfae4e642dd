namespace Milepost.Core.Tests;

public class TestTimeZoneTests
{
    [Fact]
    public void LocalTimeZone_InTests_IsUtcPlus8()
    {
        Assert.Equal(TimeSpan.FromHours(8), TimeZoneInfo.Local.GetUtcOffset(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
