namespace Milepost.Core.Maps;

/// <summary>
/// An axis from 0 to a round maximum with 1-2-5 ticks, as a reader expects of a chart of money: the top
/// tick is at or above the largest value, and there are at most <c>maxTicks</c> intervals.
/// </summary>
public sealed record NiceScale(double Max, double Step)
{
    public IEnumerable<double> Ticks()
    {
        var n = (int)Math.Round(Max / Step);
        for (var i = 0; i <= n; i++) yield return i * Step;
    }

    /// <summary>The position of <paramref name="value"/> on an axis of <paramref name="length"/> units (0 at the origin).</summary>
    public double Scale(double value, double length) => Max <= 0 ? 0 : value / Max * length;

    public static NiceScale For(double maxValue, int maxTicks = 5)
    {
        if (!(maxValue > 0) || double.IsInfinity(maxValue)) return new NiceScale(1, 1.0 / maxTicks);
        var raw = maxValue / maxTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var m in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            var step = m * magnitude;
            if (step * maxTicks >= maxValue * (1 - 1e-12))
                return new NiceScale(Math.Ceiling(maxValue / step - 1e-9) * step, step);
        }
        return new NiceScale(Math.Ceiling(maxValue / (10 * magnitude)) * 10 * magnitude, 10 * magnitude);
    }
}
