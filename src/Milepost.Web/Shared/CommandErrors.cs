namespace Milepost.Web.Shared;

/// <summary>The record does not exist, or the actor may not know that it does (never reveal someone else's record).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} not found");

/// <summary>The actor may see the record but not do this to it.</summary>
public sealed class ForbiddenException(string zh, string en) : Exception(en)
{
    public string MessageZh { get; } = zh;
    public string Text => Lang.T(MessageZh, Message);
}

/// <summary>Someone else saved the record since the actor loaded it: nothing is overwritten.</summary>
public sealed class ConflictException(string zh, string en) : Exception(en)
{
    public string MessageZh { get; } = zh;
    public string Text => Lang.T(MessageZh, Message);
}
