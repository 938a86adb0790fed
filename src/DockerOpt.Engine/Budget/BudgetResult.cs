namespace DockerOpt.Engine.Budget;

/// <summary>Whether an image is within its <see cref="SizeBudget"/>, with a one-line reason either way.</summary>
public sealed record BudgetResult(bool WithinBudget, string Reason);