package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dbtls.project.Problem;
import dev.dbtls.project.Span;
import dev.dbtls.testing.Fixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The feature tests' language (lemminx's {@code testCompletionFor}, rust-analyzer's fixtures):
 * each check takes extra files in the fixture format — {@code -- file: path} headers and a
 * {@code $0} cursor — laid over one shop project ({@link NavFixture#PROJECT}: staging models,
 * a versioned model, sources, macros with dispatch, docs, vars, a package), calls the feature
 * through {@link Analysis#strict} (a feature that throws fails the test, also one that "expects
 * nothing") and checks what a user would see. Positions are {@code path:line}, lines 1-based.
 */
final class FeatureChecks {
  private FeatureChecks() {}

  static NavFixture shop(String extra) {
    NavFixture f = NavFixture.with(extra);
    if (f.file() == null) {
      fail("the fixture has no $0 cursor");
    }
    return f;
  }

  private static Analysis strict(NavFixture f) {
    return Analysis.strict(f.snapshot());
  }

  private static Analysis.Cursor cursor(NavFixture f) {
    return new Analysis.Cursor(f.file(), f.text(), f.offset());
  }

  // ---------------------------------------------------------------- completion

  /** The labels offered at {@code $0}; never two items with the same label and kind. */
  static List<String> completion(String extra) {
    NavFixture f = shop(extra);
    List<CompletionItem> items = strict(f).completion(cursor(f));
    Set<String> seen = new HashSet<>();
    for (CompletionItem i : items) {
      assertTrue(seen.add(i.kind() + " " + i.label()), "offered twice: " + i.kind() + " " + i.label());
    }
    return items.stream().map(CompletionItem::label).toList();
  }

  /** {@code expected} are offered, in this order (others may come between). */
  static List<String> checkCompletion(String extra, String... expected) {
    List<String> labels = completion(extra);
    int at = -1;
    for (String e : expected) {
      int i = labels.indexOf(e);
      assertTrue(i >= 0, e + " not offered: " + labels);
      assertTrue(i > at, e + " out of order: " + labels);
      at = i;
    }
    return labels;
  }

  static void checkCompletionCount(String extra, int count) {
    List<String> labels = completion(extra);
    assertEquals(count, labels.size(), labels.toString());
  }

  static void checkNoCompletion(String extra) {
    assertEquals(List.of(), completion(extra));
  }

  static void checkNotOffered(String extra, String... absent) {
    List<String> labels = completion(extra);
    for (String a : absent) {
      assertFalse(labels.contains(a), a + " offered: " + labels);
    }
  }

  // ---------------------------------------------------------------- navigation

  /** The hover's Markdown, which holds every fragment. */
  static String checkHover(String extra, String... fragments) {
    NavFixture f = shop(extra);
    HoverInfo h = strict(f).hover(cursor(f)).orElseThrow(() -> new AssertionError("no hover"));
    for (String fragment : fragments) {
      assertTrue(h.markdown().contains(fragment), fragment + " not in: " + h.markdown());
    }
    assertTrue(h.start() <= f.offset() && f.offset() <= h.end(), "the hover's range misses the cursor");
    return h.markdown();
  }

  static void checkNoHover(String extra) {
    NavFixture f = shop(extra);
    assertEquals(java.util.Optional.empty(), strict(f).hover(cursor(f)));
  }

  static void checkDefinition(String extra, String... places) {
    NavFixture f = shop(extra);
    assertEquals(List.of(places), places(strict(f).definition(cursor(f))));
  }

  static void checkReferences(String extra, String... places) {
    NavFixture f = shop(extra);
    List<String> found = places(strict(f).references(cursor(f), true));
    assertEquals(List.of(places), found.stream().sorted().toList());
  }

  static void checkHighlights(String extra, int count) {
    NavFixture f = shop(extra);
    assertEquals(count, strict(f).highlights(cursor(f)).size());
  }

  private static List<String> places(List<Location> locations) {
    return locations.stream().map(l -> l.displayPath() + ":" + (l.span().startLine() + 1)).toList();
  }

  // ---------------------------------------------------------------- diagnostics

  /** The problems of the cursor's file, as {@code code@line}, when the file is open. */
  static void checkDiagnostics(String extra, String... expected) {
    NavFixture f = shop(extra);
    Path file = Fixture.ROOT.resolve(f.file());
    List<Problem> problems = strict(f).diagnostics(List.of(file)).getOrDefault(file, List.of());
    assertEquals(List.of(expected), problems.stream().map(p -> p.code().id() + "@" + (p.line() + 1)).toList(),
        problems.toString());
  }

  // ---------------------------------------------------------------- whole documents

  static void checkSymbols(String extra, String... names) {
    NavFixture f = shop(extra);
    List<String> found = new ArrayList<>();
    collect(Analysis.documentSymbols(Analysis.Cursor.document(f.file(), f.text())), found);
    assertEquals(List.of(names), found);
  }

  private static void collect(List<DocumentSymbol> symbols, List<String> out) {
    for (DocumentSymbol s : symbols) {
      out.add(s.name());
      collect(s.children(), out);
    }
  }

  static void checkFolding(String extra, String... lines) {
    NavFixture f = shop(extra);
    assertEquals(List.of(lines), Analysis.foldingRanges(Analysis.Cursor.document(f.file(), f.text())).stream()
        .map(r -> (r.startLine() + 1) + "-" + (r.endLine() + 1)).toList());
  }

  static void checkLinks(String extra, String... targets) {
    NavFixture f = shop(extra);
    assertEquals(List.of(targets), strict(f).documentLinks(Analysis.Cursor.document(f.file(), f.text())).stream()
        .map(l -> l.target().displayPath()).toList());
  }

  static void checkLenses(String extra, String... titles) {
    NavFixture f = shop(extra);
    assertEquals(List.of(titles), strict(f).codeLenses(Analysis.Cursor.document(f.file(), f.text())).stream()
        .map(CodeLens::title).toList());
  }

  // ---------------------------------------------------------------- editing

  /** Renames at {@code $0}; each file's text after the edits, for the files given. */
  static void checkRename(String extra, String newName, Map<String, String> after) {
    NavFixture f = shop(extra);
    RenameResult r = strict(f).rename(cursor(f), newName);
    assertTrue(r.ok(), r.error());
    Map<String, String> texts = new LinkedHashMap<>();
    r.change().edits().forEach((path, edits) -> {
      String text = path.equals(f.file()) ? f.text() : f.fixture().text(path);
      texts.put(path, applied(text, edits));
    });
    after.forEach((path, text) -> assertEquals(text, texts.get(path), path));
  }

  static void checkRenameRefused(String extra, String newName, String why) {
    NavFixture f = shop(extra);
    RenameResult r = strict(f).rename(cursor(f), newName);
    assertFalse(r.ok());
    assertTrue(r.error().contains(why), r.error());
  }

  /** The action titled {@code title} at the cursor turns the file into {@code result}. */
  static void checkCodeAction(String extra, String title, String result) {
    NavFixture f = shop(extra);
    Path file = Fixture.ROOT.resolve(f.file());
    List<Problem> problems = strict(f).diagnostics(List.of(file)).getOrDefault(file, List.of());
    Span at = new dev.dbtls.project.LineIndex(f.text()).span(f.offset(), f.offset());
    List<CodeAction> actions = strict(f).codeActions(cursor(f), at, problems.stream()
        .filter(p -> p.line() == at.startLine()).toList());
    CodeAction action = actions.stream().filter(a -> a.title().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no action '" + title + "' in "
            + actions.stream().map(CodeAction::title).toList()));
    assertEquals(result, applied(f.text(), action.edits()));
  }

  /** Edits made against one text, applied from the last to the first. */
  private static String applied(String text, List<TextEdit> edits) {
    String t = text;
    List<TextEdit> ordered = new ArrayList<>(edits);
    ordered.sort(Comparator.comparing((TextEdit e) -> e.range().startLine())
        .thenComparing(e -> e.range().startColumn()).reversed());
    for (TextEdit e : ordered) {
      t = TextEdit.apply(t, List.of(e));
    }
    return t;
  }
}
