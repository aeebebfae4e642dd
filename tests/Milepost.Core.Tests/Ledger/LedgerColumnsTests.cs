using Milepost.Core.Ledger;

namespace Milepost.Core.Tests.Ledger;

public class LedgerColumnsTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(1, "B")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(27, "AB")]
    [InlineData(51, "AZ")]
    [InlineData(52, "BA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    [InlineData(16383, "XFD")]
    public void Letter_Index_ExcelLetters(int index, string letters) => Assert.Equal(letters, LedgerColumns.Letter(index));

    [Fact]
    public void Letter_Negative_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => LedgerColumns.Letter(-1));
}
