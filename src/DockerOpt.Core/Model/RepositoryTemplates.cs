using DockerOpt.Core.Model.Roles;

namespace DockerOpt.Core.Model;

/// <summary>
/// Finds, without a header, that a repository generates a Dockerfile from templates: a template folder with a
/// subfolder for the image (<c>eng/dockerfile-templates/aspnet/</c>), a <c>Dockerfile*.template</c> in the file's
/// folder or above it, or a generator such as <c>apply-templates.sh</c> above it. The generator is named when the
/// repository shows it. Which folders and scripts count lives in <see cref="RoleKnowledge"/>.
/// </summary>
public static class RepositoryTemplates
{
    /// <summary>What says the file is generated, or null.</summary>
    public static GeneratedHeader? Find(RepositoryView repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var segments = repository.Folder.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var folder in repository.FoldersUpward())
        {
            foreach (var templates in RoleKnowledge.TemplateFolders.Select(t => RepositoryView.Join(folder, t)))
            {
                if (repository.Subfolders(templates) is { Count: > 0 } images
                    && !repository.Folder.StartsWith(templates, StringComparison.Ordinal)
                    && segments.FirstOrDefault(s => images.Contains(s, StringComparer.Ordinal)) is { } image)
                {
                    var generator = repository.Files.ListDirectory(templates).FirstOrDefault(n => n.Contains("Generate", StringComparison.OrdinalIgnoreCase));
                    return new GeneratedHeader(null, $"{templates}/{image}/ holds the templates of the {image} images", generator is null ? templates : $"{templates}/{generator}");
                }
            }

            var entries = repository.Files.ListDirectory(folder);
            if (entries.FirstOrDefault(e => IsTemplate(e) && !(folder == repository.Folder && e == repository.FileName)) is { } template)
            {
                var generator = GeneratorAbove(repository, folder);
                return new GeneratedHeader(null, $"{RepositoryView.Join(folder, template)} is the template it is written from", generator ?? RepositoryView.Join(folder, template));
            }

            if (entries.FirstOrDefault(e => RoleKnowledge.SelfEvidentGenerators.Contains(e, StringComparer.Ordinal)) is { } script)
            {
                var where = folder.Length == 0 ? "the repository root" : folder + "/";
                return new GeneratedHeader(null, $"{script} in {where} writes the Dockerfiles below it", RepositoryView.Join(folder, script));
            }
        }

        return null;
    }

    // Dockerfile.template, Dockerfile-alpine.template, Dockerfile.debian.tmpl; a template of something else
    // (nginx.conf.template, node14-composite.template) says nothing about the Dockerfile.
    private static bool IsTemplate(string name) =>
        name.StartsWith("Dockerfile", StringComparison.OrdinalIgnoreCase)
        && (name.EndsWith(".template", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmpl", StringComparison.OrdinalIgnoreCase));

    private static string? GeneratorAbove(RepositoryView repository, string from)
    {
        var seen = false;
        foreach (var folder in repository.FoldersUpward())
        {
            seen |= folder == from;
            if (!seen)
            {
                continue;
            }

            if (repository.Files.ListDirectory(folder).FirstOrDefault(e => RoleKnowledge.TemplateGenerators.Contains(e, StringComparer.Ordinal)) is { } script)
            {
                return RepositoryView.Join(folder, script);
            }
        }

        return null;
    }
}