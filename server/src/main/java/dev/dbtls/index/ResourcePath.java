package dev.dbtls.index;

import dev.dbtls.project.DbtProject;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Shared;
import java.util.ArrayList;
import java.util.List;

/** The folders between a resource path (models/, seeds/…) and a file: a node's fqn middle. */
final class ResourcePath {
  private ResourcePath() {}

  /** Folders between the resource path and the file: {@code models/staging/x.sql} → [staging]. */
  static List<String> of(ProjectFile f, List<String> roots) {
    return of(f.relativePath(), roots);
  }

  /** Every resource path a project declares. */
  static List<String> all(DbtProject p) {
    List<String> all = new ArrayList<>();
    for (List<String> l :
        List.of(
            p.modelPaths(),
            p.seedPaths(),
            p.snapshotPaths(),
            p.analysisPaths(),
            p.macroPaths(),
            p.testPaths(),
            p.functionPaths())) {
      all.addAll(l);
    }
    return all;
  }

  static List<String> of(String relativePath, List<String> roots) {
    String rel = relativePath;
    for (String root : roots) {
      String prefix = root.endsWith("/") ? root : root + "/";
      if (rel.startsWith(prefix)) {
        rel = rel.substring(prefix.length());
        break;
      }
    }
    String[] split = rel.split("/");
    List<String> parts = new ArrayList<>(split.length - 1);
    for (int i = 0; i < split.length - 1; i++) {
      parts.add(Shared.name(split[i])); // a folder's name, in every node's fqn below it
    }
    return parts;
  }
}
