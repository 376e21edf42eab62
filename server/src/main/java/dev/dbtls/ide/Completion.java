package dev.dbtls.ide;

import dev.dbtls.index.Macro;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.PieceKind;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.jinja.scan.Token;
import dev.dbtls.jinja.scan.TokenKind;
import dev.dbtls.project.DbtProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Completion in a SQL, Markdown or YAML file of a dbt project, on the text as the editor has it.
 * The context comes from the tolerant scanner's tokens around the cursor: the string argument of
 * {@code ref}/{@code source}/{@code var}/{@code doc}/{@code config(materialized=...)}, a name in
 * a Jinja expression or tag, or SQL text ({@link SqlCompletion}). Never throws on half-typed text;
 * per request it scans one file and filters the manifest's lists, nothing more.
 */
public final class Completion {
  private Completion() {}

  static List<CompletionItem> find(ProjectSnapshot snapshot, String displayPath, String text,
      int offset) {
    if (snapshot == null || text == null || offset < 0 || offset > text.length()) {
      return List.of();
    }
    return new Request(snapshot, displayPath == null ? "" : displayPath, text, offset).run();
  }

  /** One completion request: the scanned buffer and the cursor. */
  static final class Request {
    final ProjectSnapshot snapshot;
    final Manifest manifest;
    final String displayPath;
    final String text;
    final int offset;
    final ScannedTemplate template;
    final String packageName;

    Request(ProjectSnapshot snapshot, String displayPath, String text, int offset) {
      this.snapshot = snapshot;
      this.manifest = snapshot.manifest();
      this.displayPath = displayPath;
      this.text = text;
      this.offset = offset;
      this.template = JinjaScanner.scan(text);
      this.packageName = packageOf(snapshot, displayPath);
    }

    List<CompletionItem> run() {
      Piece piece = template.pieceAt(offset);
      if (piece == null) {
        return sqlText();
      }
      if (offset == piece.end() && piece.closed() && piece.kind() != PieceKind.TEXT) {
        return sqlText(); // right after `}}`: SQL again
      }
      return switch (piece.kind()) {
        case TEXT -> sqlText();
        case EXPRESSION, STATEMENT -> jinja(piece);
        default -> List.of(); // comments and raw blocks
      };
    }

    private List<CompletionItem> sqlText() {
      return displayPath.endsWith(".sql") ? new SqlCompletion(this).complete()
          : YamlCompletion.covers(displayPath) ? new YamlCompletion(this).complete() : List.of();
    }

    // ---------------------------------------------------------------- Jinja

    private List<CompletionItem> jinja(Piece piece) {
      if (offset < piece.innerStart() || (piece.closed() && offset > piece.innerEnd())) {
        return List.of(); // on the delimiters
      }
      List<Token> tokens = piece.tokens();
      int cur = -1; // the token the cursor is in (or right after, for a name or unclosed string)
      int next = tokens.size(); // first token after the cursor
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (t.start() >= offset) {
          next = i;
          break;
        }
        if (offset < t.end() || (offset == t.end() && (t.kind() == TokenKind.NAME
            || (t.kind() == TokenKind.STRING && !t.closed())))) {
          cur = i;
          next = i + 1;
          break;
        }
      }
      if (cur >= 0 && tokens.get(cur).kind() == TokenKind.STRING) {
        Token s = tokens.get(cur);
        if (offset == s.start()) {
          return List.of();
        }
        return inString(tokens, cur, s);
      }
      if (cur >= 0 && tokens.get(cur).kind() != TokenKind.NAME) {
        return List.of(); // inside a number or an operator
      }
      int argStart = cur >= 0 ? cur : next;
      if (cur < 0 && argStart > 0) {
        Token prev = tokens.get(argStart - 1);
        if (prev.end() == offset && (prev.kind() == TokenKind.STRING
            || prev.kind() == TokenKind.NUMBER || prev.isPunct(")") || prev.isPunct("]"))) {
          return List.of(); // right after a value: nothing to name here
        }
      }
      int start = cur >= 0 ? tokens.get(cur).start() : offset;
      CompletionItems items = new CompletionItems(text.substring(start, offset), start, offset);
      boolean callFollows = cur >= 0 ? followedByParen(tokens.get(cur).end())
          : followedByParen(offset);
      if (piece.kind() == PieceKind.STATEMENT && argStart == 0) {
        jinjaTags(piece, items);
        return items.result();
      }
      if (piece.kind() == PieceKind.STATEMENT && DEFINITION_TAGS.contains(piece.tag())) {
        return List.of(); // naming a macro, its parameters, a docs block...
      }
      if (argStart >= 1 && tokens.get(argStart - 1).isOperator("|")) {
        for (String f : CompletionVocabulary.JINJA_FILTERS) {
          items.add(f, CompletionKind.FUNCTION, 0, "Jinja filter", null, f, false);
        }
        return items.result();
      }
      if (argStart >= 1 && tokens.get(argStart - 1).isName("is")) {
        for (String t : CompletionVocabulary.JINJA_TESTS) {
          items.add(t, CompletionKind.KEYWORD, 0, "Jinja test", null, t, false);
        }
        return items.result();
      }
      if (argStart >= 2 && tokens.get(argStart - 1).isPunct(".")) {
        Token owner = tokens.get(argStart - 2);
        if (owner.kind() == TokenKind.NAME
            && (argStart < 3 || !tokens.get(argStart - 3).isPunct("."))) {
          members(owner.value(), items, callFollows);
        }
        return items.result();
      }
      Call call = Call.around(tokens, argStart);
      if (call != null && call.qualifier == null && call.name.equals("config") && call.atArgStart) {
        configKeys(items, "=");
        return items.result();
      }
      if (call != null && call.qualifier == null && call.name.equals("config")
          && call.keyword != null && call.atValueStart) {
        configValues(call.keyword, items, true);
      }
      if (call != null && call.qualifier == null && call.name.equals("ref") && call.argIndex >= 1
          && call.keyword == null && call.atArgStart) {
        versions(call, items);
      }
      if (call != null && call.atArgStart && call.keyword == null) {
        macroParameters(call, items);
      }
      locals(piece, items);
      expressionNames(items, callFollows);
      return items.result();
    }

    /**
     * Names the template binds before the cursor: {@code {% set %}} and {@code {% for %}}
     * targets, {@code loop} inside a for, and the parameters of the macro the cursor is in.
     */
    private void locals(Piece here, CompletionItems items) {
      for (Piece p : template.pieces()) {
        if (p.start() >= here.start()) {
          break;
        }
        if (p.isTag("set") || p.isTag("for")) {
          List<Token> ts = p.tokens();
          for (int i = 1; i < ts.size() && !ts.get(i).isOperator("=") && !ts.get(i).isName("in"); i++) {
            if (ts.get(i).kind() == TokenKind.NAME) {
              items.add(ts.get(i).value(), CompletionKind.VAR, 0,
                  p.isTag("set") ? "set in this file" : "loop variable", null, ts.get(i).value(),
                  false);
            }
          }
        }
      }
      if (template.isInside(here, "for")) {
        items.add("loop", CompletionKind.VAR, 2, "the for loop: loop.index, loop.first, loop.last",
            null, "loop", false);
      }
      for (StaticFacts.MacroDef d : StaticExtractor.extract(template).macros()) {
        if (d.body().touches(offset)) {
          for (StaticFacts.Param param : d.params()) {
            items.add(param.name(), CompletionKind.VAR, 0, "parameter of " + d.name()
                + (param.defaultText() == null ? "" : " = " + param.defaultText()), null,
                param.name(), false);
          }
        }
      }
    }

    /** {@code param=} for the parameters of the macro being called, not yet given by keyword. */
    private void macroParameters(Call call, CompletionItems items) {
      Macro m = calledMacro(call);
      if (m == null) {
        return;
      }
      int positional = call.argIndex - call.keywords.size();
      for (int i = Math.max(0, positional); i < m.parameters().size(); i++) {
        String p = m.parameters().get(i);
        if (!call.keywords.contains(p)) {
          items.add(p + "=", CompletionKind.KEYWORD, 0, "parameter of " + m.name(), null, p + "=",
              false);
        }
      }
    }

    private Macro calledMacro(Call call) {
      String root = snapshot.inputs().root().name();
      if (call.qualifier != null) {
        if (!call.qualifier.equals("dbt") && snapshot.inputs().project(call.qualifier) == null) {
          return null;
        }
        return namespaceMacros(call.qualifier).stream().filter(m -> m.name().equals(call.name))
            .findFirst().orElse(null);
      }
      for (String pkg : new String[] {root, packageName}) {
        Macro m = manifest.macros().get("macro." + pkg + "." + call.name);
        if (m != null) {
          return m;
        }
      }
      return Builtins.MACROS.stream().filter(m -> m.name().equals(call.name)).findFirst()
          .orElse(null);
    }

    private boolean followedByParen(int from) {
      int i = from;
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      return i < text.length() && text.charAt(i) == '(';
    }

    private List<CompletionItem> inString(List<Token> tokens, int cur, Token s) {
      int contentStart = s.start() + 1;
      CompletionItems items = new CompletionItems(text.substring(contentStart, offset),
          contentStart, offset);
      Call call = Call.around(tokens, cur);
      if (call == null || !(call.atArgStart || call.atValueStart)) {
        return List.of();
      }
      if (call.qualifier == null) {
        switch (call.name) {
          case "ref" -> {
            if (call.keyword != null) {
              if (call.keyword.equals("v") || call.keyword.equals("version")) {
                versionNumbers(call.literal(0), items);
              }
            } else if (call.argIndex == 0) {
              refNodes(null, items);
              packages(items, 5);
            } else if (call.argIndex == 1 && call.literal(0) != null
                && snapshot.inputs().project(call.literal(0)) != null) {
              refNodes(call.literal(0), items);
            }
          }
          case "source" -> {
            if (call.argIndex == 0 && call.keyword == null) {
              sourceNames(items);
            } else if (call.argIndex == 1 && call.literal(0) != null) {
              sourceTables(call.literal(0), items);
            }
          }
          case "var" -> {
            if (call.argIndex == 0 && call.keyword == null) {
              vars(items);
            }
          }
          case "doc" -> {
            if (call.argIndex == 0) {
              docs(null, items);
              packages(items, 5);
            } else if (call.argIndex == 1 && call.literal(0) != null) {
              docs(call.literal(0), items);
            }
          }
          case "config" -> {
            if (call.keyword != null) {
              configValues(call.keyword, items, false);
            }
          }
          case "env_var" -> {
            if (call.argIndex == 0 && call.keyword == null) {
              // dbt's own conventions first: DBT_ and the secret DBT_ENV_SECRET_ prefix
              snapshot.env().keySet().forEach(name -> items.add(name, CompletionKind.VAR,
                  name.startsWith("DBT_") ? 0 : 1, "environment variable", null, name, false));
            }
          }
          default -> { }
        }
      } else if (call.qualifier.equals("adapter") && call.name.equals("dispatch")
          && call.argIndex == 0 && call.keyword == null) {
        dispatchedMacros(items);
      } else if (call.qualifier.equals("config") && (call.name.equals("get")
          || call.name.equals("require")) && call.argIndex == 0) {
        configKeys(items, "");
      }
      return items.result();
    }

    // ---------------------------------------------------------------- lists

    private boolean wanted(Node n, String onlyPackage) {
      return (onlyPackage == null || onlyPackage.equals(n.packageName())) && !displayPath.equals(n.displayPath());
    }

    /** The ref-able nodes, one item per name; not the file's own node (a ref to itself is a cycle). */
    private void refNodes(String onlyPackage, CompletionItems items) {
      String root = snapshot.inputs().root().name();
      Cancellation cancel = Cancellation.current();
      int seen = 0;
      for (Map.Entry<String, List<Node>> e : manifest.refableByName().entrySet()) {
        if ((++seen & 1023) == 0) {
          cancel.check(); // 10k names on a large project: the next keystroke's request replaces this one
        }
        if (!items.matches(e.getKey())) {
          continue;
        }
        List<Node> same = e.getValue();
        if (same.size() == 1 ? !wanted(same.get(0), onlyPackage) : !same.stream().allMatch(n -> wanted(n, onlyPackage))) {
          same = same.stream().filter(n -> wanted(n, onlyPackage)).toList(); // rare: versions, packages
          if (same.isEmpty()) {
            continue;
          }
        }
        Node n = pick(same);
        CompletionKind kind = n.type() == ResourceType.SEED ? CompletionKind.SEED
            : n.type() == ResourceType.SNAPSHOT ? CompletionKind.SNAPSHOT : CompletionKind.MODEL;
        StringBuilder detail = new StringBuilder(64).append(n.type().dbtName());
        relation(n.relation(), detail.append(' '));
        if (!n.packageName().equals(root)) {
          detail.append(" (").append(n.packageName()).append(')');
        }
        if (n.version() != null) {
          TreeSet<String> versions = new TreeSet<>();
          same.stream().filter(v -> v.version() != null).forEach(v -> versions.add(v.version()));
          detail.append(" versions ").append(String.join(", ", versions));
        }
        items.addDistinct(n.name(), kind, n.packageName().equals(root) ? 0 : 1,
            detail.toString(), n.description(), n.name(), false);
      }
    }

    /** Which of several same-named nodes a ref reaches: the root project's, this package's, the latest version. */
    private Node pick(List<Node> same) {
      if (same.size() == 1) {
        return same.get(0);
      }
      return manifest.resolveRef(packageName,
          new dev.dbtls.index.RefCall(null, same.get(0).name(), null, 0, 0)).orElse(same.get(0));
    }

    /** The versions of a model, inside {@code v='...'}. */
    private void versionNumbers(String model, CompletionItems items) {
      for (Node n : manifest.nodes().values()) {
        if (n.type() == ResourceType.MODEL && n.name().equals(model) && n.version() != null) {
          items.add(n.version(), CompletionKind.KEYWORD, 0, "version of " + model, null,
              n.version(), false);
        }
      }
    }

    private void versions(Call call, CompletionItems items) {
      String model = call.literal(0);
      if (model == null) {
        return;
      }
      Object latest = null;
      TreeSet<String> versions = new TreeSet<>();
      for (Node n : manifest.nodes().values()) {
        if (n.type() == ResourceType.MODEL && n.name().equals(model) && n.version() != null) {
          versions.add(n.version());
          latest = n.extra().get("latest_version");
        }
      }
      for (String v : versions) {
        boolean numeric = v.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        items.add("v=" + v, CompletionKind.KEYWORD, 0,
            "version " + v + (v.equals(String.valueOf(latest)) ? " (latest)" : ""), null,
            "v=" + (numeric ? v : "'" + v + "'"), false);
      }
    }

    private void sourceNames(CompletionItems items) {
      Map<String, Node> first = new LinkedHashMap<>();
      for (Node n : manifest.nodes().values()) {
        if (n.type() == ResourceType.SOURCE) {
          String source = sourceName(n);
          if (items.matches(source)) {
            first.putIfAbsent(source, n);
          }
        }
      }
      first.forEach((name, n) -> items.add(name, CompletionKind.SOURCE, 0,
          "source" + (n.extra().get("source_schema") == null ? ""
              : " " + n.extra().get("source_schema")),
          String.valueOf(n.extra().getOrDefault("source_description", "")), name, false));
    }

    private void sourceTables(String source, CompletionItems items) {
      for (Node n : manifest.nodes().values()) {
        if (n.type() == ResourceType.SOURCE && source.equals(sourceName(n))) {
          items.add(n.name(), CompletionKind.SOURCE_TABLE, 0,
              relation(n.relation(), new StringBuilder("source table ")).toString().strip(),
              n.description(), n.name(), false);
        }
      }
    }

    private static String sourceName(Node n) {
      Object s = n.extra().get("source_name");
      return s != null ? s.toString() : n.fqn().get(n.fqn().size() - 2);
    }

    private void vars(CompletionItems items) {
      snapshot.inputs().vars().visible(packageName).forEach((name, value) -> {
        String shown = value == null ? "null" : String.valueOf(value);
        if (shown.length() > 80) {
          shown = shown.substring(0, 77) + "...";
        }
        items.add(name, CompletionKind.VAR, 0, "var = " + shown, null, name, false);
      });
    }

    private void docs(String onlyPackage, CompletionItems items) {
      for (var d : manifest.docs().values()) {
        if (onlyPackage == null || onlyPackage.equals(d.packageName())) {
          String content = d.content();
          items.add(d.name(), CompletionKind.DOC, 0, "docs block (" + d.packageName() + ")",
              content.length() > 1000 ? content.substring(0, 1000) + "..." : content, d.name(),
              false);
        }
      }
    }

    private void packages(CompletionItems items, int group) {
      for (String p : snapshot.inputs().packageNames()) {
        items.add(p, CompletionKind.PACKAGE, group, "package", null, p, false);
      }
    }

    private void configKeys(CompletionItems items, String suffix) {
      CompletionVocabulary.CONFIG_KEYS.forEach((key, doc) -> items.add(key,
          CompletionKind.CONFIG_KEY, 0, "config", doc, key + suffix, false));
    }

    private void configValues(String key, CompletionItems items, boolean quote) {
      List<String> values = new ArrayList<>();
      if (key.equals("materialized")) {
        values.addAll(CompletionVocabulary.MATERIALIZATIONS);
        values.addAll(customMaterializations());
      } else {
        values.addAll(CompletionVocabulary.CONFIG_VALUES.getOrDefault(key, List.of()));
      }
      for (String v : values) {
        String insert = quote ? "'" + v + "'" : v;
        items.add(quote ? insert : v, CompletionKind.CONFIG_VALUE, 0, key, null, insert, false);
      }
    }

    /** Macros with a {@code default__} implementation: what {@code adapter.dispatch} looks up. */
    private void dispatchedMacros(CompletionItems items) {
      List<Macro> all = new ArrayList<>(manifest.macros().values());
      all.addAll(Builtins.MACROS);
      for (Macro m : all) {
        if (m.name().startsWith("default__") && m.name().length() > "default__".length()) {
          String name = m.name().substring("default__".length());
          items.add(name, CompletionKind.MACRO, 0, "dispatched macro (" + m.packageName() + ")",
              null, name, false);
        }
      }
    }

    /** Materializations defined in the project's and packages' macros, by name. */
    private List<String> customMaterializations() {
      TreeSet<String> names = new TreeSet<>();
      for (Macro m : manifest.macros().values()) {
        String n = m.name();
        if (n.startsWith("materialization_") && n.lastIndexOf('_') > "materialization_".length()) {
          String name = n.substring("materialization_".length(), n.lastIndexOf('_'));
          if (!CompletionVocabulary.MATERIALIZATIONS.contains(name)) {
            names.add(name);
          }
        }
      }
      return List.copyOf(names);
    }

    private void jinjaTags(Piece piece, CompletionItems items) {
      // the end tag of the enclosing open block first
      String wanted = null;
      if (piece.parentBlock() >= 0) {
        wanted = "end" + template.blocks().get(piece.parentBlock()).tag();
      }
      for (String tag : CompletionVocabulary.JINJA_TAGS) {
        items.add(tag, CompletionKind.KEYWORD, tag.equals(wanted) ? 0 : 1, "Jinja tag", null, tag,
            false);
      }
    }

    private void members(String owner, CompletionItems items, boolean callFollows) {
      if (owner.equals("dbt") || snapshot.inputs().project(owner) != null) {
        for (Macro m : namespaceMacros(owner)) {
          macroItem(m, items, 0, callFollows);
        }
        return;
      }
      for (String member : CompletionVocabulary.MEMBERS.getOrDefault(owner, List.of())) {
        boolean method = member.endsWith("()");
        String name = method ? member.substring(0, member.length() - 2) : member;
        items.add(name, CompletionKind.FUNCTION, 0, owner + "." + member, null,
            method && !callFollows ? name + "($1)" : name, method && !callFollows);
      }
    }

    private List<Macro> namespaceMacros(String namespace) {
      if (namespace.equals("dbt")) {
        return Builtins.MACROS;
      }
      List<Macro> out = new ArrayList<>();
      for (Macro m : manifest.macros().values()) {
        if (m.packageName().equals(namespace)) {
          out.add(m);
        }
      }
      return out;
    }

    /** Names valid at the start of an expression: dbt's context, macros, packages, Jinja words. */
    private void expressionNames(CompletionItems items, boolean callFollows) {
      for (DbtBuiltins.Name c : DbtBuiltins.CONTEXT) {
        if (c.help() == null) {
          continue;
        }
        boolean snippet = c.snippet() != null && !callFollows;
        items.add(c.name(), CompletionKind.FUNCTION, 2, "dbt", c.help(),
            snippet ? c.snippet() : c.name(), snippet);
      }
      String root = snapshot.inputs().root().name();
      for (Macro m : manifest.macros().values()) {
        // unqualified calls reach the root project's macros and the calling package's own
        if (m.packageName().equals(root) || m.packageName().equals(packageName)) {
          macroItem(m, items, 1, callFollows);
        }
      }
      for (Macro m : Builtins.MACROS) {
        if (!DbtBuiltins.isContextName(m.name())) { // dbt's context has it already: offered once
          macroItem(m, items, 4, callFollows);
        }
      }
      for (String p : snapshot.inputs().packageNames()) {
        if (!p.equals(root)) {
          items.add(p, CompletionKind.PACKAGE, 3, "package: its macros are " + p + ".name()",
              null, p, false);
        }
      }
      if (!items.prefix().isEmpty()) {
        for (String w : CompletionVocabulary.JINJA_EXPRESSION_WORDS) {
          items.add(w, CompletionKind.KEYWORD, 5, "Jinja", null, w, false);
        }
      }
    }

    private void macroItem(Macro m, CompletionItems items, int group, boolean callFollows) {
      String name = m.name();
      if (name.startsWith("test_") || name.startsWith("materialization_") || !items.matches(name)) {
        return;
      }
      if (name.contains("__")) {
        group += 5; // adapter implementations of a dispatched macro
      }
      String signature = name + "(" + String.join(", ", m.parameters()) + ")";
      StringBuilder doc = new StringBuilder();
      if (m.description() != null && !m.description().isBlank()) {
        doc.append(m.description().strip()).append("\n\n");
      }
      doc.append("`").append(m.packageName()).append('.').append(signature).append('`');
      if (m.displayPath() != null) {
        doc.append(" in ").append(m.displayPath());
      }
      String insert = name;
      if (!callFollows) {
        StringBuilder s = new StringBuilder(name).append('(');
        for (int i = 0; i < m.parameters().size(); i++) {
          s.append(i == 0 ? "" : ", ").append("${").append(i + 1).append(':')
              .append(m.parameters().get(i)).append('}');
        }
        insert = s.append(')').toString();
      }
      items.add(name, CompletionKind.MACRO, group, "macro " + m.packageName() + "." + signature,
          doc.toString(), insert, !callFollows);
    }

    /** Appends {@code database.schema.identifier} (the parts that are set). */
    private static StringBuilder relation(RelationName r, StringBuilder s) {
      if (r == null) {
        return s;
      }
      boolean first = true;
      for (String part : new String[] {r.database(), r.schema(), r.identifier()}) {
        if (part != null && !part.isEmpty()) {
          s.append(first ? "" : ".").append(part);
          first = false;
        }
      }
      return s;
    }
  }

  private static final java.util.Set<String> DEFINITION_TAGS = java.util.Set.of("macro", "test",
      "data_test", "materialization", "docs", "snapshot", "endmacro", "endtest", "enddata_test", "endmaterialization",
      "enddocs", "endsnapshot", "raw", "endraw", "import", "from", "include");

  /** The package a file belongs to, from its path relative to the root project. */
  static String packageOf(ProjectSnapshot snapshot, String displayPath) {
    DbtProject root = snapshot.inputs().root();
    Path file = root.dir().resolve(displayPath).normalize();
    for (DbtProject p : snapshot.inputs().packages().values()) {
      if (file.startsWith(p.dir())) {
        return p.name();
      }
    }
    return root.name();
  }

  /**
   * The call whose argument list the cursor is in: {@code qualifier.name(}, which argument, and
   * whether the cursor is where an argument (or a keyword argument's value) starts.
   */
  static final class Call {
    String qualifier;
    String name;
    int argIndex;
    String keyword;
    boolean atArgStart;
    boolean atValueStart;
    final List<String> literals = new ArrayList<>();
    /** Keyword arguments given before the cursor's argument. */
    final java.util.Set<String> keywords = new java.util.HashSet<>();

    String literal(int i) {
      return i < literals.size() ? literals.get(i) : null;
    }

    /** The call around the argument that starts at token {@code at} (or is being typed there). */
    static Call around(List<Token> tokens, int at) {
      int depth = 0;
      int open = -1;
      List<Integer> commas = new ArrayList<>();
      for (int i = at - 1; i >= 0; i--) {
        Token t = tokens.get(i);
        if (t.kind() != TokenKind.PUNCT) {
          continue;
        }
        String v = t.value();
        if (v.equals(")") || v.equals("]") || v.equals("}")) {
          depth++;
        } else if (v.equals("(") || v.equals("[") || v.equals("{")) {
          if (depth == 0) {
            open = i;
            break;
          }
          depth--;
        } else if (v.equals(",") && depth == 0) {
          commas.add(0, i);
        }
      }
      if (open < 1 || !tokens.get(open).isPunct("(") || tokens.get(open - 1).kind() != TokenKind.NAME) {
        return null;
      }
      Call c = new Call();
      c.name = tokens.get(open - 1).value();
      if (open >= 3 && tokens.get(open - 2).isPunct(".") && tokens.get(open - 3).kind() == TokenKind.NAME) {
        c.qualifier = tokens.get(open - 3).value();
      }
      c.argIndex = commas.size();
      int argFrom = commas.isEmpty() ? open + 1 : commas.get(commas.size() - 1) + 1;
      int before = at - argFrom; // tokens of this argument before the cursor's token
      c.atArgStart = before == 0;
      if (before == 2 && tokens.get(argFrom).kind() == TokenKind.NAME
          && tokens.get(argFrom + 1).isOperator("=")) {
        c.keyword = tokens.get(argFrom).value();
        c.atValueStart = true;
      }
      int from = open + 1;
      for (int comma : commas) {
        if (comma - from >= 2 && tokens.get(from).kind() == TokenKind.NAME
            && tokens.get(from + 1).isOperator("=")) {
          c.keywords.add(tokens.get(from).value());
        }
        c.literals.add(comma - from == 1 && tokens.get(from).kind() == TokenKind.STRING
            ? tokens.get(from).value() : null);
        from = comma + 1;
      }
      return c;
    }
  }

  /** dbt's own macros we ship ({@link DbtBuiltins}) as macros: names, parameters, leading comments. */
  static final class Builtins {
    static final List<Macro> MACROS = load();

    private static List<Macro> load() {
      List<Macro> out = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (StaticFacts.MacroDef d : DbtBuiltins.shippedMacros()) {
        if (d.kind() == StaticFacts.MacroKind.MACRO && seen.add(d.name())) {
          out.add(new Macro("dbt", d.name(), d.params().stream().map(StaticFacts.Param::name).toList(),
              d.doc(), null, null, null));
        }
      }
      return List.copyOf(out);
    }
  }
}
