using System.Security.Cryptography;
using System.Text;
using Milepost.Core.Audit;

namespace Milepost.Core.Tests.Audit;

public class AuditEventTests
{
    private static readonly DateTime Time = new(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);

    private sealed record Fields(
        string PreviousHash, long Sequence, DateTime TimeUtc, string Actor, string Action,
        string Entity, string EntityId, string? DivisionCode, string? Before, string? After, string? ClientAddress)
    {
        public string Hash() =>
            AuditEvent.ComputeHash(PreviousHash, Sequence, TimeUtc, Actor, Action, Entity, EntityId, DivisionCode, Before, After, ClientAddress);
    }

    private static readonly Fields Base = new(
        AuditEvent.GenesisHash, 1, Time, "alice", "update", "Project", "42", "511802",
        """{"Name":"旧"}""", """{"Name":"新"}""", "10.0.0.7");

    [Fact]
    public void ComputeHash_SameFields_SameLowerHexSha256()
    {
        var a = Base.Hash();
        var b = (Base with { }).Hash();

        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a);
    }

    [Fact]
    public void ComputeHash_KnownEvent_MatchesDocumentedCanonicalForm()
    {
        // The canonical form is part of the stored data: every field length-prefixed, null as "-1:",
        // time as UTC with seven fractional digits. Changing it breaks verification of existing chains.
        var canonical =
            "64:" + AuditEvent.GenesisHash + "1:1" + "28:2024-05-06T07:08:09.0000000Z" + "5:alice" + "6:update" +
            "7:Project" + "2:42" + "-1:" + "-1:" + "12:{\"Name\":\"新\"}";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        var actual = AuditEvent.ComputeHash(AuditEvent.GenesisHash, 1, Time, "alice", "update", "Project", "42", null, null, """{"Name":"新"}""");

        Assert.Equal(expected, actual);
        // An event without a client address (the system's own work, and every event written before the
        // address was recorded) keeps exactly this form; an address is one more field at the end.
        var withAddress = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical + "8:10.0.0.7")));
        Assert.Equal(withAddress, AuditEvent.ComputeHash(AuditEvent.GenesisHash, 1, Time, "alice", "update", "Project", "42", null, null, """{"Name":"新"}""", "10.0.0.7"));
    }

    private static readonly Dictionary<string, Fields> Changes = new()
    {
        ["previous hash"] = Base with { PreviousHash = new string('1', 64) },
        ["sequence"] = Base with { Sequence = 2 },
        ["time +1 tick"] = Base with { TimeUtc = Time.AddTicks(1) },
        ["actor"] = Base with { Actor = "bob" },
        ["action"] = Base with { Action = "delete" },
        ["entity"] = Base with { Entity = "AnnualPlan" },
        ["entity id"] = Base with { EntityId = "43" },
        ["division"] = Base with { DivisionCode = "511803" },
        ["division null"] = Base with { DivisionCode = null },
        ["division empty"] = Base with { DivisionCode = "" },
        ["before"] = Base with { Before = """{"Name":"旧 "}""" },
        ["before null"] = Base with { Before = null },
        ["after"] = Base with { After = """{"Name":"新新"}""" },
        ["after null"] = Base with { After = null },
        ["client address"] = Base with { ClientAddress = "10.0.0.8" },
        ["client address removed"] = Base with { ClientAddress = null },
        ["client address moved into after"] = Base with { After = """{"Name":"新"}""" + "8:10.0.0.7", ClientAddress = null },
    };

    public static TheoryData<string> OneFieldChanged() => new(Changes.Keys);

    [Theory]
    [MemberData(nameof(OneFieldChanged))]
    public void ComputeHash_AnyFieldChanged_DifferentHash(string change)
    {
        Assert.NotEqual(Base.Hash(), Changes[change].Hash());
    }

    [Fact]
    public void ComputeHash_NullAndEmpty_Differ()
    {
        Assert.NotEqual((Base with { Before = null }).Hash(), (Base with { Before = "" }).Hash());
    }

    [Fact]
    public void ComputeHash_TextMovedBetweenActorAndAction_DifferentHash()
    {
        var ab_c = (Base with { Actor = "ab", Action = "c" }).Hash();
        var a_bc = (Base with { Actor = "a", Action = "bc" }).Hash();

        Assert.NotEqual(ab_c, a_bc);
    }

    [Fact]
    public void ComputeHash_TextMovedBetweenBeforeAndAfter_DifferentHash()
    {
        Assert.NotEqual(
            (Base with { Before = "1:x", After = "y" }).Hash(),
            (Base with { Before = "1", After = ":xy" }).Hash());
    }

    [Fact]
    public void ComputeHash_UtcValueReadBackWithUnspecifiedKind_SameHash()
    {
        // Databases hand instants back without a kind (SQLite, PostgreSQL "timestamp"); the value
        // is still UTC and the chain must verify whatever the server's time zone.
        var unspecified = DateTime.SpecifyKind(Time, DateTimeKind.Unspecified);

        Assert.Equal(Base.Hash(), (Base with { TimeUtc = unspecified }).Hash());
    }

    [Fact]
    public void ComputeHash_SameInstantAsLocalTime_SameHash()
    {
        Assert.Equal(Base.Hash(), (Base with { TimeUtc = Time.ToLocalTime() }).Hash());
    }

    [Fact]
    public void ExpectedHash_Event_MatchesComputeHashOfItsFields()
    {
        var e = new AuditEvent
        {
            Sequence = Base.Sequence, TimeUtc = Base.TimeUtc, Actor = Base.Actor, Action = Base.Action,
            Entity = Base.Entity, EntityId = Base.EntityId, DivisionCode = Base.DivisionCode,
            Before = Base.Before, After = Base.After, ClientAddress = Base.ClientAddress, PreviousHash = Base.PreviousHash, Hash = "",
        };

        Assert.Equal(Base.Hash(), e.ExpectedHash());
        e.After = """{"Name":"改"}""";
        Assert.NotEqual(Base.Hash(), e.ExpectedHash());
    }
}
