package dev.dbtls.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One input file of a project or package: its kind, the package it belongs to, its path relative to
 * that package's root (as dbt's {@code original_file_path}) and its text (which a warm start may
 * read only when asked: {@link FileText}).
 */
public final class ProjectFile {
  private final FileKind kind;
  private final String packageName;
  private final String relativePath;
  private final Path absolutePath;
  private final FileText text;

  /**
   * The stem once asked for: completion in {@code ref('} while a project loads lists every model's
   * (100,000 on a large project) at each keystroke.
   */
  private String stem;

  public ProjectFile(
      FileKind kind, String packageName, String relativePath, Path absolutePath, String text) {
    this(kind, packageName, relativePath, absolutePath, FileText.of(text));
  }

  public ProjectFile(
      FileKind kind, String packageName, String relativePath, Path absolutePath, FileText text) {
    this.kind = kind;
    this.packageName = packageName;
    this.relativePath = relativePath;
    this.absolutePath = absolutePath;
    this.text = text;
  }

  public FileKind kind() {
    return kind;
  }

  public String packageName() {
    return packageName;
  }

  public String relativePath() {
    return relativePath;
  }

  public Path absolutePath() {
    return absolutePath;
  }

  /**
   * Whether this file is at {@code absolutePath} (absolute, normalised). Hashes first: a path keeps
   * its hash, and the paths of a project share their folders, so that a lookup among 100,000 files
   * compared ~40 bytes of each (a tenth of an edit's CPU there; README benchmarks).
   */
  public boolean isAt(Path absolutePath) {
    return this.absolutePath.hashCode() == absolutePath.hashCode()
        && this.absolutePath.equals(absolutePath);
  }

  /** The file's text (read now, if it was left to be read when asked). */
  public String text() {
    return text.get();
  }

  /**
   * The file's text, read now but not kept when it was left to be read when asked: for a caller
   * that only hashes or compares it ({@link FileText#peek}).
   */
  public String peekText() {
    return text.peek();
  }

  /**
   * The {@link FileText#hash} of the text when its source vouched for it by the file's stamp (a
   * warm start: known without reading the file), else 0.
   */
  public long vouchedTextHash() {
    return text.vouchedHash();
  }

  /** What {@code derive} makes of the text, made once per file ({@link FileText#memo}). */
  public <T> T memo(Class<T> type, java.util.function.Function<String, T> derive) {
    return text.memo(type, derive);
  }

  /** Whether the last reading of the text failed: "" stood for it. */
  public boolean textMissed() {
    return text.missed();
  }

  /** Whether the text is in memory: false while a warm start has not needed it. */
  public boolean textRead() {
    return text.isRead();
  }

  /** The file name without its extension (and Jinja suffix, as dbt 1.12): a model's name. */
  public String stem() {
    String s = stem;
    if (s == null) {
      String p =
          JinjaFileExtensions.strip(relativePath.substring(relativePath.lastIndexOf('/') + 1));
      int dot = p.lastIndexOf('.');
      s = Shared.name(dot > 0 ? p.substring(0, dot) : p); // one string with the refs to it
      stem = s; // made again at worst by a thread that raced this one: the same text
    }
    return s;
  }

  public boolean isPython() {
    return relativePath.endsWith(".py");
  }

  /** The same texts (compared, not kept: {@link #peekText}) at the same place. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectFile f
        && samePlace(f)
        && (text == f.text || Objects.equals(peekText(), f.peekText()));
  }

  /**
   * Whether {@code f} is this file as a project sees it, whatever its text: the same kind, package
   * and paths (the parse cache, which compared the texts by their hash already).
   */
  public boolean samePlace(ProjectFile f) {
    return kind == f.kind
        && Objects.equals(packageName, f.packageName)
        && Objects.equals(relativePath, f.relativePath)
        && Objects.equals(absolutePath, f.absolutePath);
  }

  /** Without the text: hashing a node (a record holding its file) never reads a file. */
  @Override
  public int hashCode() {
    return Objects.hash(kind, packageName, relativePath, absolutePath);
  }

  @Override
  public String toString() {
    return "ProjectFile[kind="
        + kind
        + ", packageName="
        + packageName
        + ", relativePath="
        + relativePath
        + ", absolutePath="
        + absolutePath
        + "]";
  }
}
