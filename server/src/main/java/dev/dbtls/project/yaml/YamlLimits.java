package dev.dbtls.project.yaml;

import dev.dbtls.project.ProblemCode;
import org.yaml.snakeyaml.error.Mark;

/**
 * What a YAML file may ask of us before it is refused with a located problem (docs/limits.md).
 * PyYAML, which dbt uses, has none of these limits; each is far beyond any real dbt file and far
 * below what would exhaust the thread stack, the heap or the user's patience.
 *
 * @param maxDepth nested mappings and sequences, aliases included (200: the deepest real dbt file
 *     is about 15 levels; every later walk over the tree stays far from the stack's end)
 * @param maxAliasNodes nodes that aliases add to the document when expanded, counted without
 *     expanding them (1,000,000: generous for anchors of shared configs and columns, refuses
 *     "billion laughs" at its first levels)
 * @param maxScalarLength characters of one value (4,000,000: a whole docs page in a description
 *     fits many times)
 * @param maxKeyLength characters of one key (1,024: YAML's own limit for implicit keys, applied to
 *     explicit {@code ? key}s too)
 * @param maxCodePoints characters of the whole file (64 Mi, checked before parsing)
 * @param maxLineLength characters of one line (200,000, checked before parsing): SnakeYAML's reader
 *     copies its window for every 1,024 characters of one token, so a token as long as a line costs
 *     the square of its length (a 1 MB word or line: 1.9 GB allocated, 0.3-0.8 s)
 */
public record YamlLimits(
    int maxDepth,
    long maxAliasNodes,
    int maxScalarLength,
    int maxKeyLength,
    int maxCodePoints,
    int maxLineLength) {
  public static final YamlLimits DEFAULT =
      new YamlLimits(200, 1_000_000, 4_000_000, 1024, 64 * 1024 * 1024, 200_000);

  /** A limit was hit at {@code mark}: the document is refused. */
  static final class Exceeded extends RuntimeException {
    final transient ProblemCode code;
    final transient Mark mark;

    Exceeded(ProblemCode code, Mark mark, String message) {
      super(message, null, false, false);
      this.code = code;
      this.mark = mark;
    }
  }
}
