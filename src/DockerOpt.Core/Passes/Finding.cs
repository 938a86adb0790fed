namespace DockerOpt.Core.Passes;

/// <summary>
/// Something a pass saw, at a 1-based line and column of the text it was given. Findings are the lint
/// diagnostics, the "why" beside every change in the rewrite report, and the list `verify` checks.
/// </summary>
/// <param name="PassId">The pass that saw it.</param>
/// <param name="Kind">Applied, declined or advice.</param>
/// <param name="Line">1-based line of the instruction concerned.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Message">One line a person understands.</param>
/// <param name="ChangesBehaviour">True when the change can alter what the image does.</param>
/// <param name="HadolintId">
/// The hadolint rule of the same meaning as this one finding (not the pass's whole list), or null when none has it:
/// lint labels the finding with it, and <c># hadolint ignore=</c> for it shields exactly this kind of change.
/// </param>
public sealed record Finding(string PassId, FindingKind Kind, int Line, int Column, string Message, bool ChangesBehaviour = false, string? HadolintId = null);