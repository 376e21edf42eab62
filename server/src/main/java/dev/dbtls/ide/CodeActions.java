package dev.dbtls.ide;

import dev.dbtls.index.DidYouMean;
import dev.dbtls.index.DocBlock;
import dev.dbtls.index.Macro;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.index.strict.Deprecation;
import dev.dbtls.index.strict.FixedFile;
import dev.dbtls.index.strict.StrictSpec;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.jinja.scan.TextRange;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code actions at a range of a file: quick fixes for the problems the editor passes (a misspelt
 * {@code ref}, {@code source}, macro, {@code var} or {@code doc}; in property YAML {@code ref} and
 * {@code doc}: "Change to 'stg_orders'", one per close name the manifest knows, at most {@value
 * #MAX_CANDIDATES}, the closest preferred), and in SQL text a rewrite of a hard-coded relation name
 * into {@code ref()} or {@code source()} ({@link HardCodedRelation}). Names are found by scanning
 * the buffer at the problem's range, never by reading the problem's message. A deprecation of dbt
 * v2's strict spec gets the fix {@link StrictSpec} finds for it in the buffer.
 */
public final class CodeActions {
  /** How many "did you mean" names a problem gets a fix for. */
  static final int MAX_CANDIDATES = 3;

  private static final Pattern DOC_CALL =
      Pattern.compile("\\bdoc\\(\\s*(['\"])([^'\"]*)\\1\\s*(?:,\\s*(['\"])([^'\"]*)\\3\\s*)?\\)");

  private CodeActions() {}

  static List<CodeAction> find(
      ProjectSnapshot snapshot,
      String displayPath,
      String text,
      Span range,
      List<Problem> diagnostics) {
    if (snapshot == null || displayPath == null || text == null || range == null) {
      return List.of();
    }
    Symbol.Context c = Symbol.Context.of(snapshot, displayPath, text);
    List<CodeAction> out = new ArrayList<>();
    StaticFacts facts = null;
    List<Deprecation> deprecations = null;
    for (Problem p : diagnostics == null ? List.<Problem>of() : diagnostics) {
      if (p == null) {
        continue;
      }
      if (p.code().isDeprecation()) {
        if (deprecations == null) {
          deprecations = StrictSpec.of(snapshot, displayPath, text);
        }
        out.addAll(deprecationFixes(deprecations, p));
        continue;
      }
      if (p.code() == ProblemCode.DOC_UNKNOWN) {
        out.addAll(docFixes(c, p));
        continue;
      }
      if (!c.isYaml() && p.code() == ProblemCode.COLUMN_UNDOCUMENTED) {
        out.addAll(YamlColumnAddition.fix(snapshot, displayPath, text, p));
        continue;
      }
      if (c.isYaml() && p.code() == ProblemCode.COLUMN_NOT_PRODUCED) {
        out.addAll(YamlColumnRemoval.fix(text, p));
        continue;
      }
      if (c.isYaml()
          && (p.code() == ProblemCode.REF_UNKNOWN || p.code() == ProblemCode.TEST_TARGET_MISSING)) {
        out.addAll(yamlRefFixes(c, p));
        continue;
      }
      if (c.isYaml() || !isFixable(p.code())) {
        continue;
      }
      if (facts == null) {
        facts = StaticExtractor.extract(JinjaScanner.scan(text));
      }
      out.addAll(
          switch (p.code()) {
            case REF_UNKNOWN -> refFixes(c, facts, p);
            case TEST_TARGET_MISSING -> {
              List<CodeAction> both = new ArrayList<>(refFixes(c, facts, p));
              both.addAll(sourceFixes(c, facts, p));
              yield both;
            }
            case SOURCE_UNKNOWN -> sourceFixes(c, facts, p);
            case UNDEFINED_MACRO -> macroFixes(c, facts, p);
            case VAR_UNDEFINED -> varFixes(c, facts, p);
            default -> List.of();
          });
    }
    if (deprecations != null) {
      out.addAll(fixAll(snapshot, displayPath, text, deprecations, diagnostics));
    }
    if (dev.dbtls.project.JinjaFileExtensions.isSql(displayPath)) {
      out.addAll(
          HardCodedRelation.rewrites(
              c,
              offset(c.lines(), range.startLine(), range.startColumn()),
              offset(c.lines(), range.endLine(), range.endColumn())));
    }
    return out;
  }

  /**
   * The fix of the deprecation that {@code p} reports, found again in the buffer by {@link
   * StrictSpec} (same code, same start), never read from the message.
   */
  private static List<CodeAction> deprecationFixes(List<Deprecation> found, Problem p) {
    for (Deprecation d : found) {
      Problem q = d.problem();
      if (d.fixable() && q.code() == p.code() && q.line() == p.line() && q.column() == p.column()) {
        List<TextEdit> edits =
            d.fix().stream().map(e -> new TextEdit(e.range(), e.text())).toList();
        return List.of(new CodeAction(d.fixTitle(), CodeAction.QUICKFIX, true, edits, List.of(p)));
      }
    }
    return List.of();
  }

  /**
   * With the cursor on a deprecation and more than one fixable in the file: every fix of the file
   * at once ({@link FixedFile}, as {@code dbtls fix} makes them), one edit of the whole text.
   */
  private static List<CodeAction> fixAll(
      ProjectSnapshot snapshot,
      String displayPath,
      String text,
      List<Deprecation> found,
      List<Problem> diagnostics) {
    if (found.stream().filter(Deprecation::fixable).count() < 2) {
      return List.of();
    }
    FixedFile fixed = FixedFile.of(snapshot, displayPath, text);
    if (!fixed.changed()) {
      return List.of();
    }
    int count = fixed.applied().values().stream().mapToInt(Integer::intValue).sum();
    LineIndex lines = new LineIndex(text);
    Span all = lines.span(0, text.length());
    List<Problem> fixes = diagnostics.stream().filter(p -> p.code().isDeprecation()).toList();
    return List.of(
        new CodeAction(
            "Fix all " + count + " dbt v2 deprecations in this file",
            CodeAction.QUICKFIX,
            false,
            List.of(new TextEdit(all, fixed.text())),
            fixes));
  }

  private static boolean isFixable(ProblemCode code) {
    return code == ProblemCode.REF_UNKNOWN
        || code == ProblemCode.SOURCE_UNKNOWN
        || code == ProblemCode.TEST_TARGET_MISSING
        || code == ProblemCode.UNDEFINED_MACRO
        || code == ProblemCode.VAR_UNDEFINED;
  }

  // ---------------------------------------------------------------- ref, source, macro, var

  private static List<CodeAction> refFixes(Symbol.Context c, StaticFacts facts, Problem p) {
    Manifest m = c.snapshot().manifest();
    TextRange at = problemRange(c, p);
    for (StaticFacts.RefCall r : facts.refs()) {
      if (r.name() == null || r.dynamic() || !overlaps(r.call(), at)) {
        continue;
      }
      if (m.resolveRef(
              c.packageName(),
              new dev.dbtls.index.RefCall(r.packageName(), r.name(), r.version(), 0, 0))
          .isPresent()) {
        continue;
      }
      Set<String> known = m.refableNames();
      if (r.packageName() != null) {
        known = new LinkedHashSet<>();
        for (Node n : m.nodes().values()) {
          if (Resolve.refable(n) && r.packageName().equals(n.packageName())) {
            known.add(n.name());
          }
        }
      }
      return renames(c, p, r.nameRange(), r.name(), known);
    }
    return List.of();
  }

  private static List<CodeAction> sourceFixes(Symbol.Context c, StaticFacts facts, Problem p) {
    Manifest m = c.snapshot().manifest();
    TextRange at = problemRange(c, p);
    for (StaticFacts.SourceCall s : facts.sources()) {
      if (s.sourceName() == null
          || s.tableName() == null
          || s.dynamic()
          || !overlaps(s.call(), at)
          || m.resolveSource(c.packageName(), s.sourceName(), s.tableName()).isPresent()) {
        continue;
      }
      Map<String, String[]> known = new LinkedHashMap<>();
      for (Node n : m.nodes().values()) {
        if (n.type() == ResourceType.SOURCE && n.fqn().size() > 1) {
          String src = n.fqn().get(1);
          known.put(src + "." + n.name(), new String[] {src, n.name()});
        }
      }
      List<CodeAction> out = new ArrayList<>();
      for (String key :
          DidYouMean.candidates(
              s.sourceName() + "." + s.tableName(), known.keySet(), MAX_CANDIDATES)) {
        String[] st = known.get(key);
        List<TextEdit> edits = new ArrayList<>();
        if (!st[0].equals(s.sourceName())) {
          edits.add(new TextEdit(span(c, s.sourceRange()), st[0]));
        }
        if (!st[1].equals(s.tableName())) {
          edits.add(new TextEdit(span(c, s.tableRange()), st[1]));
        }
        String title =
            edits.size() == 2
                ? "Change to source('" + st[0] + "', '" + st[1] + "')"
                : "Change to '" + edits.get(0).text() + "'";
        out.add(new CodeAction(title, CodeAction.QUICKFIX, out.isEmpty(), edits, List.of(p)));
      }
      return out;
    }
    return List.of();
  }

  private static List<CodeAction> macroFixes(Symbol.Context c, StaticFacts facts, Problem p) {
    return misspeltMacro(c, facts, p)
        .map(w -> renames(c, p, w.nameRange(), w.wrong(), w.known()))
        .orElse(List.of());
  }

  /** A name the manifest does not know, where it is written, and the names it may stand for. */
  record Misspelt(TextRange nameRange, String wrong, Set<String> known) {}

  /**
   * The undefined macro call at {@code p} in a SQL file's {@code text} with the macro names it may
   * stand for, as its quick fixes see it ({@link ProjectDiagnostics} names the closest in the
   * message).
   */
  static java.util.Optional<Misspelt> misspeltMacro(
      ProjectSnapshot snapshot, String displayPath, String text, Problem p) {
    Symbol.Context c = Symbol.Context.of(snapshot, displayPath, text);
    return c.isYaml()
        ? java.util.Optional.empty()
        : misspeltMacro(c, StaticExtractor.extract(JinjaScanner.scan(text)), p);
  }

  private static java.util.Optional<Misspelt> misspeltMacro(
      Symbol.Context c, StaticFacts facts, Problem p) {
    Manifest m = c.snapshot().manifest();
    TextRange at = problemRange(c, p);
    for (StaticFacts.MacroCall mc : facts.macroCalls()) {
      if (mc.builtin() || !overlaps(mc.call(), at)) {
        continue;
      }
      Symbol.Macro sym = new Symbol.Macro(mc.namespace(), mc.name(), false, 0, 0);
      if (Resolve.macro(m, c.packageName(), sym).isPresent()
          || mc.namespace() == null && Shipped.NAMES.contains(mc.name())) {
        continue;
      }
      Set<String> known = new LinkedHashSet<>();
      for (Macro x : m.macros().values()) {
        if (mc.namespace() == null || mc.namespace().equals(x.packageName())) {
          known.add(x.name());
        }
      }
      if (mc.namespace() == null || mc.namespace().equals("dbt")) {
        known.addAll(Shipped.NAMES);
      }
      return java.util.Optional.of(new Misspelt(mc.nameRange(), mc.name(), known));
    }
    return java.util.Optional.empty();
  }

  private static List<CodeAction> varFixes(Symbol.Context c, StaticFacts facts, Problem p) {
    TextRange at = problemRange(c, p);
    Map<String, Object> visible = c.snapshot().inputs().vars().visible(c.packageName());
    for (StaticFacts.VarCall v : facts.vars()) {
      if (v.name() != null
          && !v.dynamic()
          && overlaps(v.call(), at)
          && !visible.containsKey(v.name())) {
        return renames(c, p, v.nameRange(), v.name(), visible.keySet());
      }
    }
    return List.of();
  }

  /** {@code ref('x')} written in YAML (a relationships test's {@code to:}, an exposure). */
  private static List<CodeAction> yamlRefFixes(Symbol.Context c, Problem p) {
    Manifest m = c.snapshot().manifest();
    Matcher mt = Symbol.YAML_REF.matcher(c.text());
    TextRange lines = wholeLines(c, problemRange(c, p));
    mt.region(lines.start(), lines.end());
    while (mt.find()) {
      boolean twoArgs = mt.group(4) != null;
      String pkg = twoArgs ? mt.group(2) : null;
      int group = twoArgs ? 4 : 2;
      String name = mt.group(group);
      if (m.resolveRef(c.packageName(), new dev.dbtls.index.RefCall(pkg, name, null, 0, 0))
          .isEmpty()) {
        Set<String> known = m.refableNames();
        if (pkg != null) {
          known = new LinkedHashSet<>();
          for (Node n : m.nodes().values()) {
            if (Resolve.refable(n) && pkg.equals(n.packageName())) {
              known.add(n.name());
            }
          }
        }
        return renames(c, p, new TextRange(mt.start(group), mt.end(group)), name, known);
      }
    }
    return List.of();
  }

  private static TextRange wholeLines(Symbol.Context c, TextRange r) {
    LineIndex lines = c.lines();
    int from = lines.offset(lines.line(r.start()), 0);
    int last = lines.line(Math.max(r.start(), r.end() - 1));
    int to = last + 1 < lines.lineCount() ? lines.offset(last + 1, 0) : c.text().length();
    return new TextRange(from, to);
  }

  /** {@code doc('x')} in property YAML (or anywhere): found by pattern in the problem's lines. */
  private static List<CodeAction> docFixes(Symbol.Context c, Problem p) {
    TextRange at = wholeLines(c, problemRange(c, p));
    Matcher mt = DOC_CALL.matcher(c.text()).region(at.start(), at.end());
    Map<String, DocBlock> docs = c.snapshot().manifest().docs();
    while (mt.find()) {
      boolean twoArgs = mt.group(4) != null;
      String pkg = twoArgs ? mt.group(2) : null;
      int group = twoArgs ? 4 : 2;
      String name = mt.group(group);
      Set<String> known = new LinkedHashSet<>();
      boolean exists = false;
      for (DocBlock d : docs.values()) {
        if (pkg == null || pkg.equals(d.packageName())) {
          known.add(d.name());
          exists |= d.name().equals(name);
        }
      }
      if (!exists) {
        return renames(c, p, new TextRange(mt.start(group), mt.end(group)), name, known);
      }
    }
    return List.of();
  }

  private static List<CodeAction> renames(
      Symbol.Context c, Problem p, TextRange nameRange, String wrong, Set<String> known) {
    List<CodeAction> out = new ArrayList<>();
    for (String name : DidYouMean.candidates(wrong, known, MAX_CANDIDATES)) {
      out.add(
          new CodeAction(
              "Change to '" + name + "'",
              CodeAction.QUICKFIX,
              out.isEmpty(),
              List.of(new TextEdit(span(c, nameRange), name)),
              List.of(p)));
    }
    return out;
  }

  // ---------------------------------------------------------------- ranges

  /** The problem's range in offsets; a problem with an empty range stands for its whole line. */
  private static TextRange problemRange(Symbol.Context c, Problem p) {
    LineIndex lines = c.lines();
    int start = offset(lines, p.line(), p.column());
    int end = offset(lines, p.endLine(), p.endColumn());
    if (end <= start) {
      start = lines.offset(p.line(), 0);
      end = p.line() + 1 < lines.lineCount() ? lines.offset(p.line() + 1, 0) : c.text().length();
    }
    return new TextRange(start, end);
  }

  private static boolean overlaps(TextRange a, TextRange b) {
    return a.start() < b.end() && b.start() < a.end();
  }

  private static int offset(LineIndex lines, int line, int column) {
    return lines.offset(line, column);
  }

  static Span span(Symbol.Context c, TextRange r) {
    return c.lines().span(r.start(), r.end());
  }

  /** Names of the macros dbt ships ({@link DbtBuiltins}), adapter implementations aside. */
  private static final class Shipped {
    static final Set<String> NAMES =
        Set.copyOf(
            DbtBuiltins.shippedMacros().stream()
                .filter(d -> d.kind() == StaticFacts.MacroKind.MACRO && !d.name().contains("__"))
                .map(StaticFacts.MacroDef::name)
                .toList());
  }
}
