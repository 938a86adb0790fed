namespace DockerOpt.Core.Passes;

/// <summary>
/// One optimisation: reads the parsed Dockerfile, its model and a read-only view of the build context,
/// and returns text edits, findings and generated files. A pass never reads the file from disk, never
/// prints, never runs processes, and is idempotent (running it on its own output changes nothing).
/// When it meets something it does not fully understand it makes no edit and records why.
/// </summary>
public interface IRewritePass
{
    PassInfo Info { get; }

    PassResult Run(PassContext context);
}