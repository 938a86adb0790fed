namespace DockerOpt.Fuzz.Properties;

/// <summary>A broken invariant: which one (<see cref="Property"/>) and what was seen.</summary>
/// <param name="Property">The property id.</param>
/// <param name="Detail">What happened, first line the most telling (exception type and message, first differing byte).</param>
internal sealed record PropertyFailure(string Property, string Detail)
{
    /// <summary>
    /// What makes two failures the same bug for counting and for saving only a few examples of each: the property and
    /// the first line of the detail with digits blanked (line numbers and sizes differ between inputs of one bug).
    /// </summary>
    public string Signature
    {
        get
        {
            var firstLine = Detail.Split('\n', 2)[0];
            var blanked = new string([.. firstLine.Select(c => char.IsAsciiDigit(c) ? '#' : c)]);
            return $"{Property}: {(blanked.Length > 160 ? blanked[..160] : blanked)}";
        }
    }

    public override string ToString() => $"{Property}: {Detail}";
}