package dev.dbtls.ide;

import java.util.List;
import java.util.Map;

/**
 * Changes to several files of the project at once, as a rename makes them: text edits per file
 * (display paths; each file's edits are against its text before the change, sorted and never
 * overlapping), then files to rename. Apply the text edits first, on the old paths, then the
 * renames.
 */
public record WorkspaceChange(Map<String, List<TextEdit>> edits, List<FileRename> renames) {

  /** A file moved from one display path to another. */
  public record FileRename(String from, String to) {}

  public static final WorkspaceChange NONE = new WorkspaceChange(Map.of(), List.of());

  public boolean isEmpty() {
    return edits.isEmpty() && renames.isEmpty();
  }
}
