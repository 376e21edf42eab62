package dev.dbtls.project;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * dbt 1.12's Jinja file extensions: with the project flag {@code allow_jinja_file_extensions}, a
 * {@code .j2}, {@code .jinja} or {@code .jinja2} suffix after {@code .sql} or {@code .md} (so
 * editors colour the Jinja). dbt strips the suffix when it names the node: {@code my_model.sql.j2}
 * is the model {@code my_model}. Without the flag dbt ignores such files.
 */
public final class JinjaFileExtensions {
  /** The project flag (under {@code flags:} in dbt_project.yml) that turns them on. */
  public static final String FLAG = "allow_jinja_file_extensions";

  public static final List<String> SUFFIXES = List.of(".j2", ".jinja", ".jinja2");

  private JinjaFileExtensions() {}

  /** {@code extensions} and each with a Jinja suffix, for the extensions dbt allows one on. */
  public static Set<String> with(Set<String> extensions) {
    Set<String> out = new LinkedHashSet<>(extensions);
    for (String e : extensions) {
      if (e.equals(".sql") || e.equals(".md")) {
        SUFFIXES.forEach(s -> out.add(e + s));
      }
    }
    return out;
  }

  /** A file name or path without its Jinja suffix ({@code a.sql.j2} is {@code a.sql}). */
  public static String strip(String path) {
    for (int i = 0; i < SUFFIXES.size(); i++) {
      if (path.endsWith(SQL_SUFFIXED.get(i)) || path.endsWith(MD_SUFFIXED.get(i))) {
        return path.substring(0, path.length() - SUFFIXES.get(i).length());
      }
    }
    return path;
  }

  /** {@code .sql} and {@code .md} with each of {@link #SUFFIXES}, in its order. */
  private static final List<String> SQL_SUFFIXED = SUFFIXES.stream().map(s -> ".sql" + s).toList();

  private static final List<String> MD_SUFFIXED = SUFFIXES.stream().map(s -> ".md" + s).toList();

  /** Whether the file is dbt SQL: {@code .sql}, or {@code .sql} with a Jinja suffix. */
  public static boolean isSql(String path) {
    return path != null && strip(path).endsWith(".sql");
  }

  /** Whether the file is Markdown (docs blocks): {@code .md}, or with a Jinja suffix. */
  public static boolean isMarkdown(String path) {
    return path != null && strip(path).endsWith(".md");
  }
}
