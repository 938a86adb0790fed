using DockerOpt.Engine.Budget;

namespace DockerOpt.Engine.Tests.Budget;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("300MB", 300_000_000L)]
    [InlineData("1.5 GB", 1_500_000_000L)]
    [InlineData("20MiB", 20_971_520L)]
    [InlineData("512kib", 524_288L)]
    [InlineData("12345", 12_345L)]
    [InlineData("7B", 7L)]
    [InlineData("lots", null)]
    [InlineData("MB", null)]
    [InlineData("-5MB", null)]
    public void I_can_type_sizes_the_way_docker_prints_them(string text, long? expected)
    {
        Assert.Equal(expected, ByteSize.Parse(text));
    }

    [Theory]
    [InlineData(812L, "812 B")]
    [InlineData(14_200L, "14.2 kB")]
    [InlineData(301_500_000L, "301.5 MB")]
    [InlineData(1_210_000_000L, "1.21 GB")]
    public void Sizes_are_shown_in_decimal_units(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(bytes));
    }
}