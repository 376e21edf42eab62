package dev.dbtls.ide;

import dev.dbtls.project.Problem;
import java.util.List;

/**
 * A code action in plain data: a title, LSP's kind ({@link #QUICKFIX} or {@link #REWRITE}), edits
 * to one file — {@code file} (a display path of the project), or the file it was asked for when
 * null — and the problems it fixes (empty for a rewrite).
 */
public record CodeAction(
    String title,
    String kind,
    boolean preferred,
    List<TextEdit> edits,
    List<Problem> fixes,
    String file) {
  public static final String QUICKFIX = "quickfix";
  public static final String REWRITE = "refactor.rewrite";

  /** An action on the file it was asked for. */
  public CodeAction(
      String title, String kind, boolean preferred, List<TextEdit> edits, List<Problem> fixes) {
    this(title, kind, preferred, edits, fixes, null);
  }
}
