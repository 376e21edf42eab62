package dev.dbtls.lsp;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Profiles;
import dev.dbtls.project.Target;
import dev.dbtls.protocol.ProjectInfo;
import java.nio.file.Path;
import java.util.List;

/** {@code dbt/projects}: one project as loaded (docs/protocol.md). */
final class ProjectsAnswer {
  private ProjectsAnswer() {}

  static ProjectInfo of(Path dir, ProjectSnapshot s, Uris uris, FileSource files) {
    if (s == null) {
      return new ProjectInfo(
          dir.getFileName().toString(), uris.uri(dir), null, null, null, List.of(), 0);
    }
    Target t = s.inputs().target();
    return new ProjectInfo(
        s.inputs().root().name(),
        uris.uri(dir),
        t.profileName(),
        t.name(),
        t.type(),
        Profiles.targets(s.inputs().profilesFile(), t.profileName(), files),
        s.manifest().nodes().size());
  }
}
