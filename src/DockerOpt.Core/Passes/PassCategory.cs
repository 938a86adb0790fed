namespace DockerOpt.Core.Passes;

/// <summary>What a pass improves; users skip whole categories (e.g. hygiene that does not change size).</summary>
public enum PassCategory
{
    Size,
    BuildSpeed,
    Security,
    Hygiene,
}