package dev.dbtls.index.compile;

import dev.dbtls.index.YamlSelectors;

/**
 * The root project's {@code selectors.yml}, read as the snapshot reads its files (unsaved buffers
 * over the disk), a Jinja {@code default} rendered in the dbt_project.yml context ({@code target},
 * {@code env_var}, {@code var} of --vars).
 */
public final class ProjectSelectors {
  private ProjectSelectors() {}

  /** The project's named selectors; {@link YamlSelectors#NONE} without the file. */
  public static YamlSelectors of(ProjectSnapshot s) {
    return s.files()
        .read(s.inputs().root().dir().resolve(YamlSelectors.FILE))
        .map(
            text ->
                YamlSelectors.parse(
                    text, new YamlConfigRenderer(s.inputs(), s.env()), s.inputs().root().name()))
        .orElse(YamlSelectors.NONE);
  }
}
