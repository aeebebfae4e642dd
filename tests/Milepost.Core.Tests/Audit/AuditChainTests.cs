using Milepost.Core.Audit;

namespace Milepost.Core.Tests.Audit;

public class AuditChainTests
{
    private static readonly DateTime T0 = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>A valid chain of <paramref name="count"/> events, as AuditTrail would append them.</summary>
    private static List<AuditEvent> Chain(int count)
    {
        var events = new List<AuditEvent>(count);
        var previous = AuditEvent.GenesisHash;
        for (var s = 1L; s <= count; s++)
        {
            var e = new AuditEvent
            {
                Sequence = s, TimeUtc = T0.AddSeconds(s), Actor = s % 2 == 0 ? "张三" : "李四", Action = "project.edit",
                Entity = "Project", EntityId = (s % 7).ToString(), DivisionCode = s % 3 == 0 ? null : "511802",
                Before = s == 1 ? null : $$"""{"Plan":{{s - 1}}}""", After = $$"""{"Plan":{{s}}}""",
                ClientAddress = s % 4 == 0 ? null : $"10.0.0.{s % 250}", PreviousHash = previous, Hash = "",
            };
            e.Hash = e.ExpectedHash();
            previous = e.Hash;
            events.Add(e);
        }
        return events;
    }

    private static AuditEvent Copy(AuditEvent e) => new()
    {
        Sequence = e.Sequence, TimeUtc = e.TimeUtc, Actor = e.Actor, Action = e.Action, Entity = e.Entity,
        EntityId = e.EntityId, DivisionCode = e.DivisionCode, Before = e.Before, After = e.After,
        ClientAddress = e.ClientAddress, PreviousHash = e.PreviousHash, Hash = e.Hash,
    };

    [Fact]
    public void Verify_ValidChain_OkWithCountAndHead()
    {
        var chain = Chain(5);

        var result = AuditChain.Verify(chain);

        Assert.True(result.Ok, result.MessageEn);
        Assert.Equal(AuditProblem.None, result.Kind);
        Assert.Null(result.FirstBadSequence);
        Assert.Equal(5, result.EventsChecked);
        Assert.Equal(chain[^1].Hash, result.Head);
        Assert.Equal($"审计链完整：共 5 条事件，链头 {chain[^1].Hash}", result.MessageZh);
    }

    [Fact]
    public void Verify_Empty_ReportsEmpty()
    {
        var result = AuditChain.Verify([]);

        Assert.False(result.Ok);
        Assert.Equal(AuditProblem.Empty, result.Kind);
        Assert.Equal(0, result.EventsChecked);
    }

    [Fact]
    public void Verify_EmptyButAnchored_ReportsTruncationAtOne()
    {
        var result = AuditChain.Verify([], new string('a', 64), 3);

        Assert.Equal((false, AuditProblem.Truncated, 1L), (result.Ok, result.Kind, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_EditedField_ReportsHashMismatchAtThatEvent()
    {
        var chain = Chain(5);
        chain[2].After = """{"Plan":999}""";

        var result = AuditChain.Verify(chain);

        Assert.Equal((false, AuditProblem.HashMismatch, 3L), (result.Ok, result.Kind, result.FirstBadSequence));
        Assert.Equal(3, result.EventsChecked);
        Assert.Equal(chain[1].Hash, result.Head);
        Assert.Contains("第 3 条事件", result.MessageZh);
    }

    [Fact]
    public void Verify_EditedAndRehashed_ReportsPreviousHashMismatchAtTheNextEvent()
    {
        var chain = Chain(5);
        chain[2].After = """{"Plan":999}""";
        chain[2].Hash = chain[2].ExpectedHash();

        var result = AuditChain.Verify(chain);

        Assert.Equal((AuditProblem.PreviousHashMismatch, 4L), (result.Kind, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_FirstEventNotOnGenesis_ReportsPreviousHashMismatchAtOne()
    {
        var chain = Chain(2);
        chain[0].PreviousHash = new string('1', 64);
        chain[0].Hash = chain[0].ExpectedHash();

        Assert.Equal((AuditProblem.PreviousHashMismatch, 1L), (AuditChain.Verify(chain).Kind, AuditChain.Verify(chain).FirstBadSequence));
    }

    [Fact]
    public void Verify_DeletedEvent_ReportsGapAtTheEventAfterIt()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);

        var result = AuditChain.Verify(chain);

        Assert.Equal((AuditProblem.SequenceGap, 3L), (result.Kind, result.FirstBadSequence));
        Assert.Contains("应为 2，实为 3", result.MessageZh);
    }

    [Fact]
    public void Verify_SwappedEvents_ReportsGapAtTheLaterOne()
    {
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var result = AuditChain.Verify(chain);

        Assert.Equal((AuditProblem.SequenceGap, 3L), (result.Kind, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_AnchorMatchesHead_Ok()
    {
        var chain = Chain(5);

        Assert.True(AuditChain.Verify(chain, chain[4].Hash, 5).Ok);
        Assert.True(AuditChain.Verify(chain, chain[2].Hash, 3).Ok); // events appended since the anchor
    }

    [Fact]
    public void Verify_ChainShorterThanAnchor_ReportsTruncationAtTheFirstMissingEvent()
    {
        var chain = Chain(5);
        var anchor = chain[4].Hash;
        chain.RemoveRange(3, 2);

        var result = AuditChain.Verify(chain, anchor, 5);

        Assert.Equal((false, AuditProblem.Truncated, 4L), (result.Ok, result.Kind, result.FirstBadSequence));
        Assert.Contains("截断", result.MessageZh);
    }

    [Fact]
    public void Verify_ChainRewrittenConsistently_FailsAgainstTheAnchorOnly()
    {
        // The attacker edits event 2 and recomputes every hash after it: the chain verifies on its own.
        var chain = Chain(5);
        var anchor = chain[4].Hash;
        chain[1].Actor = "王五";
        for (var i = 1; i < chain.Count; i++)
        {
            chain[i].PreviousHash = chain[i - 1].Hash;
            chain[i].Hash = chain[i].ExpectedHash();
        }

        Assert.True(AuditChain.Verify(chain).Ok);
        var result = AuditChain.Verify(chain, anchor, 5);
        Assert.Equal((false, AuditProblem.AnchorMismatch, 5L), (result.Ok, result.Kind, result.FirstBadSequence));
    }

    [Fact]
    public void Verify_HalfAnchor_Refused()
    {
        Assert.Throws<ArgumentException>(() => AuditChain.Verify(Chain(1), anchoredHead: "x"));
    }

    [Fact]
    public void Verify_StreamsOnce_StopsAtTheFirstBadEvent()
    {
        var chain = Chain(10);
        chain[3].Actor = "王五";
        var read = 0;
        IEnumerable<AuditEvent> Stream() { foreach (var e in chain) { read++; yield return e; } }

        var result = AuditChain.Verify(Stream());

        Assert.Equal(4L, result.FirstBadSequence);
        Assert.Equal(4, read);
    }

    private delegate void Edit(AuditEvent e, Random r);

    private static readonly Edit[] Edits =
    [
        (e, r) => e.TimeUtc = e.TimeUtc.AddTicks(r.Next(1, 1000)),
        (e, _) => e.Actor += "x",
        (e, _) => e.Action = "project.delete",
        (e, _) => e.Entity = "AnnualPlan",
        (e, _) => e.EntityId += "0",
        (e, _) => e.DivisionCode = e.DivisionCode is null ? "511803" : null,
        (e, _) => e.Before = e.Before is null ? "" : null,
        (e, _) => e.After = e.After + " ",
        (e, _) => e.ClientAddress = e.ClientAddress is null ? "127.0.0.1" : null,
        (e, r) => e.Hash = Convert.ToHexStringLower(BitConverter.GetBytes(r.NextInt64())).PadRight(64, '0'),
        (e, r) => e.PreviousHash = Convert.ToHexStringLower(BitConverter.GetBytes(r.NextInt64())).PadRight(64, '0'),
    ];

    [Fact]
    public void Verify_ThousandRandomSingleTamperings_EachFoundAtTheTamperedEvent()
    {
        const int n = 200;
        var original = Chain(n);
        var anchor = original[^1].Hash;
        Assert.True(AuditChain.Verify(original, anchor, n).Ok);
        var random = new Random(20261130);

        for (var round = 0; round < 1000; round++)
        {
            var chain = original.Select(Copy).ToList();
            var k = random.Next(n); // the index of the tampered event
            long expected;
            string what;
            switch (random.Next(4))
            {
                case 0:
                    var edit = random.Next(Edits.Length);
                    Edits[edit](chain[k], random);
                    (expected, what) = (k + 1, $"edit {edit} of event {k + 1}");
                    break;
                case 1:
                    if (k == n - 1) k--; // deleting the last event is a truncation
                    chain.RemoveAt(k);
                    (expected, what) = (k + 2, $"deletion of event {k + 1}");
                    break;
                case 2:
                    if (k == n - 1) k--;
                    (chain[k], chain[k + 1]) = (chain[k + 1], chain[k]);
                    (expected, what) = (k + 2, $"swap of events {k + 1} and {k + 2}");
                    break;
                default:
                    chain.RemoveRange(k, n - k);
                    (expected, what) = (k + 1, $"truncation from event {k + 1}");
                    break;
            }

            var result = AuditChain.Verify(chain, anchor, n);

            Assert.False(result.Ok, $"Round {round}: {what} was not detected.");
            Assert.True(expected == result.FirstBadSequence, $"Round {round}: {what} reported at {result.FirstBadSequence} ({result.Kind}), expected {expected}.");
        }
    }
}
