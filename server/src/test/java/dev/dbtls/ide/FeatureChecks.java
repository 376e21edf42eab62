package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.Span;
import dev.dbtls.testing.Fixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The test DSL of editor features (lemminx's {@code testCompletionFor}/{@code assertHover},
 * rust-analyzer's {@code $0} fixtures): each {@code checkX(spec, expected...)} loads the {@link
 * #SHOP} project, asks the feature through {@link Analysis#strict} (a feature that throws fails the
 * test, so "expects nothing" means nothing, not a swallowed bug) and compares the answer written as
 * short strings.
 *
 * <p>A {@code spec} is either a piece of {@link #SHOP} with {@code $0} in it (it must occur once;
 * the cursor goes there) or, when it holds {@code -- file:} headers, files added to the shop (a
 * path it already has is replaced) with the {@code $0} in one of them. There, a {@code $0} that
 * ends its file's last line ends the buffer (no newline after it): a file holding nothing but
 * {@code $0} is an empty buffer, as the editor has it before the file is saved.
 *
 * <p>Places are written 1-based, as editors show them: {@code "path:line"} (or {@code
 * "path:line:col"}), {@code "code@line"}, {@code "title@line"}, {@code "line:col kind"}.
 */
final class FeatureChecks {
  private FeatureChecks() {}

  /**
   * One shop: {@link NavFixture#PROJECT} (staging models, versions, sources, macros, docs, vars, a
   * package) plus a model with CTEs, a macro call and a var, and its YAML using a docs block.
   */
  static final String SHOP =
      NavFixture.PROJECT
          + """
      -- file: models/orders.sql
      {{ config(materialized='incremental') }}
      with paid as (
          select * from {{ ref('stg_orders') }}
      ),
      final as (
          select id, {{ cents_to_dollars('amount') }} as amount from paid
      )
      select *, '{{ var("start_date") }}' as since from final
      -- file: models/orders.yml
      version: 2
      models:
        - name: orders
          columns:
            - name: id
            - name: status
              description: "{{ doc('order_status') }}"
      """;

  private static volatile NavFixture shop;

  // ------------------------------------------------------------------------------ the fixture

  /** The shop with the cursor placed by {@code spec} (see the class comment). */
  static NavFixture at(String spec) {
    if (spec.contains("-- file:")) {
      NavFixture f = NavFixture.of(SHOP + spec);
      requireCursor(f, spec);
      // the fixture ends every file with a newline; $0 last means the buffer ends there
      return f.offset() == f.text().length() - 1 && f.text().endsWith("\n")
          ? new NavFixture(
              f.fixture(), f.snapshot(), f.file(), f.text().substring(0, f.offset()), f.offset())
          : f;
    }
    String plain = spec.replace("$0", "");
    int at = SHOP.indexOf(plain);
    if (at < 0 || !spec.contains("$0")) {
      throw new IllegalArgumentException("not a piece of the shop with $0: " + spec);
    }
    if (SHOP.indexOf(plain, at + 1) >= 0) {
      throw new IllegalArgumentException(
          "found more than once in the shop, make it longer: " + plain);
    }
    // the text is the shop's own: one load serves every such spec
    NavFixture base = shop();
    int cursor = at + spec.indexOf("$0");
    int header = SHOP.lastIndexOf("-- file: ", cursor);
    int fileStart = SHOP.indexOf('\n', header) + 1;
    String file = SHOP.substring(header + "-- file: ".length(), fileStart - 1).trim();
    return new NavFixture(
        base.fixture(), base.snapshot(), file, base.fixture().text(file), cursor - fileStart);
  }

  private static NavFixture shop() {
    NavFixture s = shop;
    if (s == null) {
      s = NavFixture.of(SHOP);
      shop = s;
    }
    return s;
  }

  private static void requireCursor(NavFixture f, String spec) {
    if (f.file() == null) {
      throw new IllegalArgumentException("no $0 in: " + spec);
    }
  }

  /** The snapshot's analysis with its columns inferred, as after a build in the editor. */
  private static Analysis analysis(NavFixture f) {
    Analysis a = f.analysis();
    dev.dbtls.workspace.ProjectColumns.inferNow(a, f.fixture());
    return a;
  }

  private static Analysis.Cursor cursor(NavFixture f) {
    return f.cursor();
  }

  // ------------------------------------------------------------------------------ completion

  /**
   * Completion at the cursor offers every label of {@code expected}; never the same label and kind
   * twice. The answer can be checked further ({@link Completions#inOrder()}, ...).
   */
  static Completions checkCompletion(String spec, String... expected) {
    NavFixture f = at(spec);
    List<CompletionItem> items = new ArrayList<>(analysis(f).completion(cursor(f)));
    // as an editor shows them
    items.sort(
        Comparator.comparing((CompletionItem i) -> i.sortText() == null ? i.label() : i.sortText())
            .thenComparing(CompletionItem::label));
    Completions c = new Completions(spec, items, List.of(expected));
    c.noDuplicates();
    for (String label : expected) {
      assertTrue(c.labels().contains(label), () -> spec + ": no '" + label + "' in " + c.labels());
    }
    return c;
  }

  /** Completion at the cursor offers nothing (and does not throw). */
  static void checkNoCompletion(String spec) {
    checkCompletion(spec).count(0);
  }

  /** What completion answered, for further checks. */
  static final class Completions {
    private final String spec;
    private final List<CompletionItem> items;
    private final List<String> expected;

    private Completions(String spec, List<CompletionItem> items, List<String> expected) {
      this.spec = spec;
      this.items = items;
      this.expected = expected;
    }

    List<String> labels() {
      return items.stream().map(CompletionItem::label).toList();
    }

    /** The expected labels come in the order given (sort text, then label, as editors sort). */
    Completions inOrder() {
      List<String> seen = labels().stream().filter(expected::contains).distinct().toList();
      assertEquals(expected, seen, spec + ": order");
      return this;
    }

    /** Exactly {@code n} items. */
    Completions count(int n) {
      assertEquals(n, items.size(), () -> spec + ": " + labels());
      return this;
    }

    /** None of {@code labels}. */
    Completions without(String... labels) {
      for (String l : labels) {
        assertFalse(labels().contains(l), () -> spec + ": '" + l + "' offered in " + labels());
      }
      return this;
    }

    /** No label twice, whatever the kinds (an editor shows both). */
    Completions distinctLabels() {
      Set<String> seen = new HashSet<>();
      for (CompletionItem i : items) {
        assertTrue(
            seen.add(i.label()),
            () ->
                spec
                    + ": '"
                    + i.label()
                    + "' offered twice: "
                    + items.stream()
                        .filter(x -> x.label().equals(i.label()))
                        .map(CompletionItem::kind)
                        .toList());
      }
      return this;
    }

    /** Every item is of one of {@code kinds}. */
    Completions only(CompletionKind... kinds) {
      List<CompletionKind> allowed = List.of(kinds);
      for (CompletionItem i : items) {
        assertTrue(allowed.contains(i.kind()), () -> spec + ": " + i.label() + " is a " + i.kind());
      }
      return this;
    }

    /** The item {@code label} (the first, if several kinds share it). */
    CompletionItem item(String label) {
      return items.stream()
          .filter(i -> i.label().equals(label))
          .findFirst()
          .orElseThrow(() -> new AssertionError(spec + ": no '" + label + "'"));
    }

    private void noDuplicates() {
      Set<String> seen = new HashSet<>();
      for (CompletionItem i : items) {
        assertTrue(
            seen.add(i.label() + " " + i.kind()),
            () -> spec + ": '" + i.label() + "' (" + i.kind() + ") offered twice");
      }
    }
  }

  // ------------------------------------------------------------------------------ hover

  /** A hover at the cursor whose Markdown contains every one of {@code substrings}. */
  static HoverInfo checkHover(String spec, String... substrings) {
    NavFixture f = at(spec);
    Optional<HoverInfo> h = analysis(f).hover(cursor(f));
    assertTrue(h.isPresent(), () -> spec + ": no hover");
    for (String s : substrings) {
      assertTrue(
          h.get().markdown().contains(s),
          () -> spec + ": no '" + s + "' in\n" + h.get().markdown());
    }
    return h.get();
  }

  static void checkNoHover(String spec) {
    NavFixture f = at(spec);
    Optional<HoverInfo> h = analysis(f).hover(cursor(f));
    assertTrue(h.isEmpty(), () -> spec + ": unexpected hover\n" + h.get().markdown());
  }

  // ------------------------------------------------------------------------------ navigation

  /**
   * Definition at the cursor: exactly {@code expected} ("path:line" or "path:line:col"), in order.
   */
  static void checkDefinition(String spec, String... expected) {
    NavFixture f = at(spec);
    assertPlaces(spec, expected, analysis(f).definition(cursor(f)));
  }

  /** References at the cursor, declaration included (as editors ask): exactly {@code expected}. */
  static void checkReferences(String spec, String... expected) {
    NavFixture f = at(spec);
    assertPlaces(spec, expected, analysis(f).references(cursor(f), true));
  }

  /**
   * Highlights in the cursor's file: exactly {@code expected}, each "line:col kind" (read, write,
   * text).
   */
  static void checkHighlights(String spec, String... expected) {
    NavFixture f = at(spec);
    List<String> actual =
        analysis(f).highlights(cursor(f)).stream()
            .map(h -> where(h.range()) + " " + h.kind().name().toLowerCase())
            .toList();
    assertEquals(List.of(expected), actual, spec);
  }

  /**
   * Nothing at the cursor: no hover, definition or highlights. References are asked too (they must
   * not throw) but not checked: anywhere in a model's file they are the model's.
   */
  static void checkNoNavigation(String spec) {
    checkNoHover(spec);
    checkDefinition(spec);
    checkHighlights(spec);
    NavFixture f = at(spec);
    analysis(f).references(cursor(f), true);
  }

  private static void assertPlaces(String spec, String[] expected, List<Location> locations) {
    boolean withColumn =
        expected.length > 0 && Arrays.stream(expected).allMatch(e -> e.split(":").length == 3);
    List<String> actual =
        locations.stream()
            .map(
                l ->
                    l.displayPath()
                        + ":"
                        + (l.span().startLine() + 1)
                        + (withColumn ? ":" + (l.span().startColumn() + 1) : ""))
            .toList();
    assertEquals(List.of(expected), actual, spec);
  }

  /** 1-based "line:col" of a span's start. */
  private static String where(Span s) {
    return (s.startLine() + 1) + ":" + (s.startColumn() + 1);
  }

  // ------------------------------------------------------------------------------ diagnostics

  /**
   * The problems of the cursor's file, opened in the editor: exactly {@code expected}, each
   * "code@line".
   */
  static void checkDiagnostics(String spec, String... expected) {
    NavFixture f = at(spec);
    List<String> actual =
        problems(f).stream().map(p -> p.code().id() + "@" + (p.line() + 1)).sorted().toList();
    assertEquals(
        Arrays.stream(expected).sorted().toList(),
        actual,
        () -> spec + ": " + problems(f).stream().map(Problem::format).toList());
  }

  /**
   * The problems of the cursor's file, opened in the editor: exactly {@code expected}, as {@link
   * Problem#format} writes them.
   */
  static void checkProblems(String spec, String... expected) {
    NavFixture f = at(spec);
    assertEquals(List.of(expected), problems(f).stream().map(Problem::format).toList(), spec);
  }

  private static List<Problem> problems(NavFixture f) {
    Path file = Fixture.ROOT.resolve(f.file());
    Map<Path, List<Problem>> all = analysis(f).diagnostics(List.of(file));
    return all.getOrDefault(file, List.of());
  }

  // ------------------------------------------------------------------------------ whole documents

  /**
   * The outline of the cursor's file: exactly {@code expected}, depth first, each "kind name" or
   * "kind name: detail", indented two spaces per level. Syntax only: called on the feature itself,
   * since {@link Analysis}'s static syntax features are never strict.
   */
  static void checkSymbols(String spec, String... expected) {
    NavFixture f = at(spec);
    List<String> actual = new ArrayList<>();
    outline(DocumentSymbols.find(f.file(), f.text()), "", actual);
    assertEquals(List.of(expected), actual, spec);
  }

  private static void outline(List<DocumentSymbol> symbols, String indent, List<String> out) {
    for (DocumentSymbol s : symbols) {
      out.add(
          indent
              + s.kind().name().toLowerCase()
              + " "
              + s.name()
              + (s.detail() == null ? "" : ": " + s.detail()));
      outline(s.children(), indent + "  ", out);
    }
  }

  /**
   * Folding ranges of the cursor's file: exactly {@code expected}, each "first-last" (1-based
   * lines), then " comment" for a comment.
   */
  static void checkFolding(String spec, String... expected) {
    NavFixture f = at(spec);
    List<String> actual =
        FoldingRanges.find(f.file(), f.text()).stream()
            .map(
                r ->
                    (r.startLine() + 1)
                        + "-"
                        + (r.endLine() + 1)
                        + (r.kind() == FoldingRange.Kind.COMMENT ? " comment" : ""))
            .toList();
    assertEquals(List.of(expected), actual, spec);
  }

  /** Links of the cursor's file: exactly {@code expected}, each "linked text -> path:line". */
  static void checkLinks(String spec, String... expected) {
    NavFixture f = at(spec);
    LineIndex lines = new LineIndex(f.text());
    List<String> actual =
        analysis(f).documentLinks(cursor(f)).stream()
            .map(
                l ->
                    f.text()
                            .substring(
                                offset(lines, l.range(), true), offset(lines, l.range(), false))
                        + " -> "
                        + l.target().displayPath()
                        + ":"
                        + (l.target().span().startLine() + 1))
            .toList();
    assertEquals(List.of(expected), actual, spec);
  }

  /** Code lenses of the cursor's file: exactly {@code expected}, each "title@line". */
  static void checkLenses(String spec, String... expected) {
    NavFixture f = at(spec);
    List<String> actual =
        analysis(f).codeLenses(cursor(f)).stream()
            .map(l -> l.title() + "@" + (l.range().startLine() + 1))
            .toList();
    assertEquals(List.of(expected), actual, spec);
  }

  private static int offset(LineIndex lines, Span s, boolean start) {
    return start
        ? lines.offset(s.startLine(), s.startColumn())
        : lines.offset(s.endLine(), s.endColumn());
  }

  // ------------------------------------------------------------------------------ changes

  /**
   * Renaming what the cursor is on to {@code newName} changes exactly {@code expected}: each edited
   * line as it reads afterwards, "path:line: text", and each file moved, "path -> path".
   */
  static void checkRename(String spec, String newName, String... expected) {
    NavFixture f = at(spec);
    RenameResult r = analysis(f).rename(cursor(f), newName);
    assertTrue(r.ok(), () -> spec + ": " + r.error());
    List<String> actual = new ArrayList<>();
    r.change()
        .edits()
        .forEach(
            (path, edits) -> {
              String before = path.equals(f.file()) ? f.text() : f.fixture().text(path);
              String after = applied(before, edits);
              Set<Integer> touched = new HashSet<>();
              int shift = 0;
              for (TextEdit e :
                  edits.stream()
                      .sorted(Comparator.comparing((TextEdit e) -> e.range().startLine()))
                      .toList()) {
                for (int l = e.range().startLine();
                    l <= e.range().startLine() + newlines(e.text());
                    l++) {
                  touched.add(l + shift);
                }
                shift += newlines(e.text()) - (e.range().endLine() - e.range().startLine());
              }
              String[] lines = after.split("\n", -1);
              touched.stream()
                  .sorted()
                  .forEach(l -> actual.add(path + ":" + (l + 1) + ": " + lines[l]));
            });
    r.change().renames().forEach(m -> actual.add(m.from() + " -> " + m.to()));
    assertEquals(
        Arrays.stream(expected).sorted().toList(), actual.stream().sorted().toList(), spec);
  }

  /** Renaming at the cursor to {@code newName} is refused with a reason containing {@code why}. */
  static void checkNoRename(String spec, String newName, String why) {
    NavFixture f = at(spec);
    RenameResult r = analysis(f).rename(cursor(f), newName);
    assertFalse(r.ok(), () -> spec + ": renamed " + r.change());
    assertTrue(r.error().contains(why), () -> spec + ": " + r.error());
  }

  /**
   * The code action {@code title} at the cursor (given the file's diagnostics on the cursor's line,
   * as the editor passes them) turns the file into {@code result} (trailing newline aside).
   */
  /**
   * The action titled {@code title} at the cursor, applied: {@code result} is the text of the file
   * it edits (the cursor's, or another file of the fixture it names).
   */
  static void checkCodeAction(String spec, String title, String result) {
    NavFixture f = at(spec);
    Span here = new LineIndex(f.text()).span(f.offset(), f.offset());
    List<Problem> onLine =
        problems(f).stream()
            .filter(p -> p.line() <= here.startLine() && here.startLine() <= p.endLine())
            .toList();
    List<CodeAction> actions = analysis(f).codeActions(cursor(f), here, onLine);
    CodeAction a =
        actions.stream()
            .filter(x -> x.title().equals(title))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        spec
                            + ": no '"
                            + title
                            + "' in "
                            + actions.stream().map(CodeAction::title).toList()));
    String target =
        a.file() == null
            ? f.text()
            : f.snapshot().inputs().files().stream()
                .filter(
                    pf ->
                        pf.absolutePath()
                            .normalize()
                            .equals(
                                f.snapshot().inputs().root().dir().resolve(a.file()).normalize()))
                .map(dev.dbtls.project.ProjectFile::text)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no file " + a.file() + " in the fixture"));
    assertEquals(strip(result), strip(applied(target, a.edits())), spec);
  }

  /**
   * {@code edits} (sorted, not overlapping, against {@code text}) applied, last first so that
   * offsets hold.
   */
  private static String applied(String text, List<TextEdit> edits) {
    String t = text;
    List<TextEdit> backwards = new ArrayList<>(edits);
    backwards.sort(
        Comparator.comparing((TextEdit e) -> e.range().startLine())
            .thenComparing(e -> e.range().startColumn())
            .reversed());
    for (TextEdit e : backwards) {
      t = TextEdit.apply(t, List.of(e));
    }
    return t;
  }

  private static int newlines(String s) {
    return (int) s.chars().filter(ch -> ch == '\n').count();
  }

  private static String strip(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
