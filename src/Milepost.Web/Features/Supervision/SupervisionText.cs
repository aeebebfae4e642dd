using Milepost.Core.Supervision;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Supervision;

/// <summary>The names of states, sources, steps and evaluations in the user's language.</summary>
public static class SupervisionText
{
    public static string State(SupervisionState s) => Lang.T(SupervisionNames.Zh(s), SupervisionNames.En(s));
    public static string Source(SupervisionSource s) => Lang.T(SupervisionNames.Zh(s), SupervisionNames.En(s));
    public static string Step(SupervisionEntryKind k) => Lang.T(SupervisionNames.Zh(k), k.ToString());
    public static string Evaluation(SupervisionEvaluation e) => Lang.T(SupervisionNames.Zh(e), SupervisionNames.En(e));

    public static string StateColor(SupervisionState s) => s switch
    {
        SupervisionState.Draft => "default",
        SupervisionState.Assigned => "blue",
        SupervisionState.Accepted => "cyan",
        SupervisionState.Feedback => "gold",
        SupervisionState.Returned => "volcano",
        _ => "green",
    };
}

/// <summary>One item as the form edits it (ids as strings, as the selects hold them).</summary>
public sealed class SupervisionItemModel
{
    public string Content { get; set; } = "";
    public string? LeadUnitId { get; set; }
    public IEnumerable<string> CooperatingUnitIds { get; set; } = [];
    public DateOnly? Deadline { get; set; }
    public IEnumerable<string> ProjectIds { get; set; } = [];

    public SupervisionInput ToInput(SupervisionSource source, string? sourceText, long? leaderId) => new()
    {
        Source = source, SourceText = sourceText, Content = Content, LeadUnitId = long.TryParse(LeadUnitId, out var u) ? u : 0,
        CooperatingUnitIds = CooperatingUnitIds.Select(long.Parse).ToList(), Deadline = Deadline,
        ProjectIds = ProjectIds.Select(long.Parse).ToList(), LeaderId = leaderId,
    };
}
