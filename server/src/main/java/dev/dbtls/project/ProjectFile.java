package dev.dbtls.project;

import java.nio.file.Path;

/**
 * One input file of a project or package: its kind, the package it belongs to, its path relative to
 * that package's root (as dbt's {@code original_file_path}) and its text.
 */
public record ProjectFile(
    FileKind kind, String packageName, String relativePath, Path absolutePath, String text) {

  /** The file name without its extension (and Jinja suffix, as dbt 1.12): a model's name. */
  public String stem() {
    String p = JinjaFileExtensions.strip(relativePath.substring(relativePath.lastIndexOf('/') + 1));
    int dot = p.lastIndexOf('.');
    return dot > 0 ? p.substring(0, dot) : p;
  }

  public boolean isPython() {
    return relativePath.endsWith(".py");
  }
}
