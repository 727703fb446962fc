namespace Hub.Sync.Tests;

public class SmokeTests
{
    [Fact]
    public void Build_Compiles() => Assert.True(true);
}
