package dev.dbtls.ide;

import dev.dbtls.project.Problem;
import java.util.List;

/**
 * A code action in plain data: a title, LSP's kind ({@link #QUICKFIX} or {@link #REWRITE}), edits
 * to the file it was asked for, and the problems it fixes (empty for a rewrite).
 */
public record CodeAction(String title, String kind, boolean preferred, List<TextEdit> edits,
    List<Problem> fixes) {
  public static final String QUICKFIX = "quickfix";
  public static final String REWRITE = "refactor.rewrite";
}
