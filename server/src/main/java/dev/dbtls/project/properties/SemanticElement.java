package dev.dbtls.project.properties;

import dev.dbtls.project.Span;

/**
 * An entity, dimension or measure of a semantic model. {@code expr} is what it reads of the model
 * (null: a column of its own name); {@code exprSpan} where the column name or expression is written
 * (its name when there is no {@code expr}).
 */
public record SemanticElement(
    Kind kind,
    String name,
    String type,
    String expr,
    boolean createMetric,
    String label,
    String description,
    Span nameSpan,
    Span exprSpan) {

  /** What a semantic model declares. */
  public enum Kind {
    ENTITY,
    DIMENSION,
    MEASURE;

    public String dbtName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The column it reads: its {@code expr} when that is a plain column name, else its name. */
  public String column() {
    return expr == null ? name : expr.strip();
  }

  /** Whether it reads one column (not an expression such as {@code amount * 2} or a literal). */
  public boolean readsOneColumn() {
    return column().matches("[A-Za-z_][A-Za-z0-9_$]*");
  }
}
