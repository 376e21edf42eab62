package dev.dbtls.ide;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a rename reads (the root project's file texts) and collects (edits and file renames). */
final class RenameEdits {
  private RenameEdits() {}

  /** The root project's file texts by display path, the buffer for the file being edited. */
  static final class Files {
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, String> properties = new TreeMap<>();
    private final Map<String, LineIndex> lines = new HashMap<>();

    Files(Symbol.Context c) {
      String root = c.snapshot().inputs().root().name();
      for (ProjectFile f : c.snapshot().inputs().files()) {
        if (f.packageName().equals(root) && f.text() != null) {
          String path = f.relativePath(); // the root project's files: relative to it already
          texts.put(path, f.text());
          if (f.kind() == FileKind.PROPERTIES) {
            properties.put(path, f.text());
          }
        }
      }
      texts.put(c.displayPath(), c.text());
      if (c.isYaml()) {
        properties.put(c.displayPath(), c.text());
      }
    }

    String text(String path) {
      return texts.get(path);
    }

    boolean isRoot(String path) {
      return texts.containsKey(path);
    }

    Map<String, String> properties() {
      return properties;
    }

    LineIndex lines(String path) {
      return lines.computeIfAbsent(path, p -> new LineIndex(texts.get(p)));
    }

    /** The text a span covers, or null when the file is unknown. */
    String at(String path, Span s) {
      String t = texts.get(path);
      if (t == null) {
        return null;
      }
      LineIndex l = lines(path);
      int from = l.offset(s.startLine(), s.startColumn());
      int to = l.offset(s.endLine(), s.endColumn());
      return from <= to ? t.substring(from, to) : null;
    }
  }

  /**
   * Edits by file (sorted, each span once) and file renames, collected into a {@link
   * WorkspaceChange}.
   */
  static final class Changes {
    private final Map<String, Map<Span, String>> edits = new TreeMap<>();
    private final List<WorkspaceChange.FileRename> renames = new ArrayList<>();

    /**
     * Replaces {@code old} at {@code span} by {@code text}, if {@code old} is what is written
     * there.
     */
    void edit(Files files, String path, Span span, String old, String text) {
      if (old.equals(files.at(path, span))) {
        edits.computeIfAbsent(path, p -> new TreeMap<>(SPAN_ORDER)).put(span, text);
      }
    }

    /**
     * Replaces what {@code span} covers by {@code text}, unchecked: for a file whose text is not at
     * hand.
     */
    void put(String path, Span span, String text) {
      edits.computeIfAbsent(path, p -> new TreeMap<>(SPAN_ORDER)).put(span, text);
    }

    void rename(String from, String to) {
      renames.add(new WorkspaceChange.FileRename(from, to));
    }

    WorkspaceChange build() {
      Map<String, List<TextEdit>> out = new LinkedHashMap<>();
      edits.forEach(
          (path, byspan) ->
              out.put(
                  path,
                  byspan.entrySet().stream()
                      .map(e -> new TextEdit(e.getKey(), e.getValue()))
                      .toList()));
      renames.sort(Comparator.comparing(WorkspaceChange.FileRename::from));
      return new WorkspaceChange(out, List.copyOf(renames));
    }
  }

  private static final Comparator<Span> SPAN_ORDER =
      Comparator.comparingInt(Span::startLine)
          .thenComparingInt(Span::startColumn)
          .thenComparingInt(Span::endLine)
          .thenComparingInt(Span::endColumn);
}
