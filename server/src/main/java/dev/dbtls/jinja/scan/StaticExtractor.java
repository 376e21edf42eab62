package dev.dbtls.jinja.scan;

import dev.dbtls.jinja.scan.StaticFacts.ConfigArg;
import dev.dbtls.jinja.scan.StaticFacts.ConfigCall;
import dev.dbtls.jinja.scan.StaticFacts.DispatchCall;
import dev.dbtls.jinja.scan.StaticFacts.DocCall;
import dev.dbtls.jinja.scan.StaticFacts.DocsBlock;
import dev.dbtls.jinja.scan.StaticFacts.EnvVarCall;
import dev.dbtls.jinja.scan.StaticFacts.MacroCall;
import dev.dbtls.jinja.scan.StaticFacts.MacroDef;
import dev.dbtls.jinja.scan.StaticFacts.MacroKind;
import dev.dbtls.jinja.scan.StaticFacts.Param;
import dev.dbtls.jinja.scan.StaticFacts.RefCall;
import dev.dbtls.jinja.scan.StaticFacts.SnapshotBlock;
import dev.dbtls.jinja.scan.StaticFacts.SourceCall;
import dev.dbtls.jinja.scan.StaticFacts.VarCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extracts {@link StaticFacts} from a scanned template by reading the tokens of its expressions and
 * statements: calls with literal arguments, and the definitions made by block tags. Never throws;
 * half-typed calls give items with what is there.
 */
public final class StaticExtractor {

  /** Functions and macros dbt or Jinja provide that never add refs, sources or config. */
  static final Set<String> BUILTIN_FUNCTIONS =
      Set.of(
          "ref",
          "source",
          "config",
          "var",
          "env_var",
          "doc",
          "is_incremental",
          "should_full_refresh",
          "log",
          "return",
          "print",
          "run_query",
          "statement",
          "load_result",
          "load_relation",
          "fromjson",
          "tojson",
          "fromyaml",
          "toyaml",
          "set",
          "set_strict",
          "zip",
          "zip_strict",
          "range",
          "dict",
          "list",
          "lipsum",
          "cycler",
          "joiner",
          "namespace",
          "caller",
          "super",
          "local_md5",
          "diff_of_two_dicts",
          "try_or_compiler_error",
          "render",
          "write",
          "store_result",
          "store_raw_result",
          "submit_python_job",
          "current_timestamp",
          "generate_schema_name",
          "generate_alias_name",
          "generate_database_name",
          "type_string",
          "type_timestamp",
          "type_int",
          "type_bigint",
          "type_float",
          "type_numeric",
          "type_boolean",
          "dateadd",
          "datediff",
          "date_trunc",
          "concat",
          "hash",
          "safe_cast",
          "split_part",
          "last_day",
          "listagg",
          "any_value",
          "bool_or",
          "cast_bool_to_text",
          "escape_single_quotes",
          "except",
          "intersect",
          "length",
          "position",
          "replace",
          "right",
          "string_literal",
          "array_construct",
          "array_append",
          "array_concat");

  /** Names whose attributes are objects or modules, not macro namespaces. */
  static final Set<String> BUILTIN_OBJECTS =
      Set.of(
          "adapter",
          "api",
          "modules",
          "exceptions",
          "target",
          "this",
          "loop",
          "caller",
          "config",
          "var",
          "graph",
          "model",
          "builtins",
          "context",
          "flags",
          "invocation_args_dict",
          "selected_resources",
          "run_started_at",
          "invocation_id",
          "execute",
          "schemas",
          "database_schemas",
          "results",
          "node",
          "sql",
          "compiled_code",
          "kwargs",
          "varargs",
          "return",
          "dbt_version",
          "project_name");

  /** Methods of Python strings, lists and dicts: {@code x.upper()} is not a macro in package x. */
  static final Set<String> METHOD_NAMES =
      Set.of(
          "upper",
          "lower",
          "strip",
          "lstrip",
          "rstrip",
          "split",
          "rsplit",
          "join",
          "replace",
          "startswith",
          "endswith",
          "format",
          "title",
          "capitalize",
          "find",
          "count",
          "index",
          "append",
          "extend",
          "insert",
          "pop",
          "remove",
          "sort",
          "reverse",
          "copy",
          "clear",
          "items",
          "keys",
          "values",
          "get",
          "update",
          "setdefault",
          "isdigit",
          "isnumeric",
          "splitlines",
          "partition",
          "encode",
          "zfill",
          "casefold");

  /** Operators spelled as words: {@code not (a or b)} is no call. */
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "in", "is", "if", "else", "recursive", "as", "import", "with");

  /** Blocks inside which a ref/source/config may run zero or many times, or not at all. */
  private static final Set<String> CONDITIONAL_BLOCKS =
      Set.of("if", "for", "macro", "call", "test", "data_test", "materialization", "with");

  private final ScannedTemplate t;
  private final String text;
  private final Set<String> locals = new HashSet<>();
  private final List<RefCall> refs = new ArrayList<>();
  private final List<SourceCall> sources = new ArrayList<>();
  private final List<ConfigCall> configs = new ArrayList<>();
  private final List<MacroDef> macros = new ArrayList<>();
  private final List<SnapshotBlock> snapshots = new ArrayList<>();
  private final List<DocsBlock> docs = new ArrayList<>();
  private final List<MacroCall> macroCalls = new ArrayList<>();
  private final List<DispatchCall> dispatches = new ArrayList<>();
  private final List<VarCall> vars = new ArrayList<>();
  private final List<EnvVarCall> envVars = new ArrayList<>();
  private final List<DocCall> docRefs = new ArrayList<>();
  private boolean needsRender;
  private boolean conditionalCalls;

  /** Per block: inside (or being) a macro/test/materialization; inside a conditional block. */
  private final boolean[] blockInDefinition;

  private final boolean[] blockConditional;

  private StaticExtractor(ScannedTemplate t) {
    this.t = t;
    this.text = t.text();
    List<Block> blocks = t.blocks();
    blockInDefinition = new boolean[blocks.size()];
    blockConditional = new boolean[blocks.size()];
    for (Block b : blocks) { // a parent always comes before its children
      String tag = b.tag();
      boolean def =
          tag.equals("macro")
              || tag.equals("test")
              || tag.equals("data_test")
              || tag.equals("materialization");
      blockInDefinition[b.index()] = def || b.parent() >= 0 && blockInDefinition[b.parent()];
      blockConditional[b.index()] =
          CONDITIONAL_BLOCKS.contains(tag) || b.parent() >= 0 && blockConditional[b.parent()];
    }
  }

  /** For each opening bracket token, the index of its closing one ({@code k.size()} if none). */
  private static int[] matchAll(List<Token> k) {
    int[] match = new int[k.size() + 1];
    java.util.Arrays.fill(match, k.size());
    int[] stack = new int[k.size()];
    int top = 0;
    for (int i = 0; i < k.size(); i++) {
      Token tok = k.get(i);
      if (tok.kind() != TokenKind.PUNCT) {
        continue;
      }
      switch (tok.value()) {
        case "(", "[", "{" -> stack[top++] = i;
        case ")", "]", "}" -> {
          if (top > 0) {
            match[stack[--top]] = i;
          }
        }
        default -> {}
      }
    }
    return match;
  }

  public static StaticFacts extract(ScannedTemplate template) {
    StaticExtractor x = new StaticExtractor(template);
    x.collectLocals();
    x.definitions();
    for (Piece p : template.pieces()) {
      if (p.kind() == PieceKind.EXPRESSION || p.kind() == PieceKind.STATEMENT) {
        x.calls(p);
      }
    }
    return new StaticFacts(
        List.copyOf(x.refs),
        List.copyOf(x.sources),
        List.copyOf(x.configs),
        List.copyOf(x.macros),
        List.copyOf(x.snapshots),
        List.copyOf(x.docs),
        List.copyOf(x.macroCalls),
        List.copyOf(x.dispatches),
        List.copyOf(x.vars),
        List.copyOf(x.envVars),
        List.copyOf(x.docRefs),
        x.needsRender,
        x.conditionalCalls);
  }

  // ---------------------------------------------------------------- local names

  /** Names bound by set/for/with/import and macro parameters: calls on them are not macros. */
  private void collectLocals() {
    for (Piece p : t.pieces()) {
      List<Token> k = p.tokens();
      if (p.kind() != PieceKind.STATEMENT || k.size() < 2) {
        continue;
      }
      switch (p.tag()) {
        case "set", "for" -> {
          for (int i = 1; i < k.size(); i++) {
            Token tok = k.get(i);
            if (tok.isOperator("=") || tok.isName("in") || tok.isOperator("|")) {
              break;
            }
            if (tok.kind() == TokenKind.NAME) {
              locals.add(tok.value());
            }
          }
        }
        case "macro", "test", "data_test", "call" -> {
          int open = indexOfPunct(k, "(", 1);
          if (open >= 0) {
            for (List<Token> arg : splitArgs(k, open, matching(k, open))) {
              if (!arg.isEmpty() && arg.get(0).kind() == TokenKind.NAME) {
                locals.add(arg.get(0).value());
              }
            }
          }
        }
        case "import", "from", "with" -> {
          for (int i = 1; i < k.size(); i++) {
            if (k.get(i).kind() == TokenKind.NAME
                && (k.get(i - 1).isName("as")
                    || p.tag().equals("with")
                        && i + 1 < k.size()
                        && k.get(i + 1).isOperator("="))) {
              locals.add(k.get(i).value());
            }
          }
        }
        default -> {}
      }
    }
  }

  // ---------------------------------------------------------------- definitions

  private void definitions() {
    for (Block b : t.blocks()) {
      Piece open = t.pieces().get(b.open());
      List<Token> k = open.tokens();
      Token nameTok = k.size() > 1 && k.get(1).kind() == TokenKind.NAME ? k.get(1) : null;
      TextRange whole =
          new TextRange(open.start(), b.end() >= 0 ? t.pieces().get(b.end()).end() : text.length());
      TextRange body = t.body(b);
      switch (b.tag()) {
        case "macro", "test", "data_test", "materialization" -> {
          if (nameTok == null) {
            continue;
          }
          MacroKind kind =
              b.tag().equals("macro")
                  ? MacroKind.MACRO
                  : b.tag().equals("materialization") ? MacroKind.MATERIALIZATION : MacroKind.TEST;
          List<Param> params = new ArrayList<>();
          String adapter = null;
          if (kind == MacroKind.MATERIALIZATION) {
            adapter = "default";
            for (int i = 2; i + 2 < k.size(); i++) {
              if (k.get(i).isName("adapter")
                  && k.get(i + 1).isOperator("=")
                  && k.get(i + 2).kind() == TokenKind.STRING) {
                adapter = k.get(i + 2).value();
              }
            }
          } else if (k.size() > 2 && k.get(2).isPunct("(")) {
            for (List<Token> arg : splitArgs(k, 2, matching(k, 2))) {
              if (arg.isEmpty() || arg.get(0).kind() != TokenKind.NAME) {
                continue;
              }
              Token pn = arg.get(0);
              String def = null;
              TextRange defRange = null;
              if (arg.size() > 2 && arg.get(1).isOperator("=")) {
                defRange = new TextRange(arg.get(2).start(), arg.get(arg.size() - 1).end());
                def = defRange.of(text);
              }
              params.add(new Param(pn.value(), pn.range(), def, defRange));
            }
          }
          String doc = null;
          TextRange docRange = null;
          for (int i = b.open() + 1; i < t.pieces().size(); i++) {
            Piece p = t.pieces().get(i);
            if (p.kind() == PieceKind.TEXT && p.innerRange().of(text).isBlank()) {
              continue;
            }
            if (p.kind() == PieceKind.COMMENT && p.closed()) {
              doc = p.innerRange().of(text).strip();
              docRange = p.range();
            }
            break;
          }
          macros.add(
              new MacroDef(
                  kind,
                  nameTok.value(),
                  nameTok.range(),
                  List.copyOf(params),
                  open.range(),
                  body,
                  whole,
                  doc,
                  docRange,
                  adapter));
        }
        case "snapshot" -> {
          if (nameTok != null) {
            snapshots.add(new SnapshotBlock(nameTok.value(), nameTok.range(), body, whole));
          }
        }
        case "docs" -> {
          if (nameTok != null) {
            docs.add(new DocsBlock(nameTok.value(), nameTok.range(), body, whole));
          }
        }
        default -> {}
      }
    }
  }

  // ---------------------------------------------------------------- calls

  private void calls(Piece p) {
    List<Token> k = p.tokens();
    // Skip the callee-like head of definition tags, but not calls in parameter defaults:
    // {% macro foo(a=var('x')) %}, {% call(row) foo() %}.
    int from =
        switch (p.tag()) {
          case "macro", "test", "data_test" -> 3;
          case "materialization" -> 2;
          case "snapshot", "docs" -> k.size();
          case "call" -> k.size() > 1 && k.get(1).isPunct("(") ? matching(k, 1) + 1 : 1;
          default -> p.kind() == PieceKind.STATEMENT ? 1 : 0;
        };
    boolean inDefinition = p.parentBlock() >= 0 && blockInDefinition[p.parentBlock()];
    boolean conditional = p.parentBlock() >= 0 && blockConditional[p.parentBlock()];
    for (int i = from; i < k.size() && !conditional; i++) {
      // `ref('a') if x else ref('b')`: only one of them runs
      conditional = k.get(i).isName("if") && !(i == 0 && p.kind() == PieceKind.STATEMENT);
    }
    int[] match = matchAll(k);
    for (int i = from; i + 1 < k.size(); i++) {
      Token nameTok = k.get(i);
      if (nameTok.kind() != TokenKind.NAME
          || !k.get(i + 1).isPunct("(")
          || KEYWORDS.contains(nameTok.value())) {
        continue;
      }
      // The dotted chain ending at this name: a.b.c(
      int first = i;
      while (first >= 2
          && k.get(first - 1).isPunct(".")
          && k.get(first - 2).kind() == TokenKind.NAME) {
        first -= 2;
      }
      if (first > 0) {
        Token before = k.get(first - 1);
        if (before.isPunct(".")
            || before.isOperator("|")
            || before.isName("is")
            || before.isName("not") && first >= 2 && k.get(first - 2).isName("is")) {
          continue; // a method on an expression, a filter or a test
        }
      }
      int open = i + 1;
      int close = match[open];
      int callEnd = close < k.size() ? k.get(close).end() : k.get(k.size() - 1).end();
      TextRange call = new TextRange(k.get(first).start(), callEnd);
      int parts = (i - first) / 2 + 1;
      // builtins.ref(...) is dbt's own ref (also when a project's macro overrides `ref`)
      boolean viaBuiltins =
          parts == 2
              && k.get(first).isName("builtins")
              && List.of("ref", "source", "config").contains(nameTok.value());
      if (parts == 1 || viaBuiltins) {
        String name = nameTok.value();
        boolean relationCall = name.equals("ref") || name.equals("source") || name.equals("config");
        List<List<Token>> args = isSpecial(name) ? splitArgs(k, open, close, match) : List.of();
        boolean dynamic =
            switch (name) {
              case "ref" -> ref(call, args, conditional);
              case "source" -> source(call, args, conditional);
              case "config" -> config(call, args);
              case "var" -> varCall(call, args, false);
              case "env_var" -> varCall(call, args, true);
              case "doc" -> docCall(call, args);
              default -> {
                boolean builtin = BUILTIN_FUNCTIONS.contains(name);
                if (!locals.contains(name)) {
                  macroCalls.add(new MacroCall(call, null, name, nameTok.range(), builtin));
                  if (!builtin && !inDefinition) {
                    needsRender = true;
                  }
                }
                yield false;
              }
            };
        if (relationCall && !inDefinition && (dynamic || conditional)) {
          needsRender = true;
          conditionalCalls |= conditional;
        }
      } else if (parts == 2) {
        String ns = k.get(first).value();
        String name = nameTok.value();
        if (ns.equals("adapter") && name.equals("dispatch")) {
          dispatch(call, splitArgs(k, open, close, match));
        } else if (ns.equals("dbt")) {
          macroCalls.add(new MacroCall(call, ns, name, nameTok.range(), true));
        } else if (!BUILTIN_OBJECTS.contains(ns)
            && !locals.contains(ns)
            && !METHOD_NAMES.contains(name)) {
          macroCalls.add(new MacroCall(call, ns, name, nameTok.range(), false));
          if (!inDefinition) {
            needsRender = true;
          }
        }
      }
    }
  }

  private static boolean isSpecial(String name) {
    return switch (name) {
      case "ref", "source", "config", "var", "env_var", "doc" -> true;
      default -> false;
    };
  }

  /** Returns whether the call is dynamic. */
  private boolean ref(TextRange call, List<List<Token>> args, boolean conditional) {
    List<Token> positional = new ArrayList<>();
    boolean dynamic = false;
    String version = null;
    for (List<Token> a : args) {
      if (isKeyword(a)) {
        String kw = a.get(0).value();
        if (kw.equals("v") || kw.equals("version")) {
          Object v = literal(a, 2, a.size());
          if (v == NOT_LITERAL) {
            dynamic = true;
          } else {
            version = String.valueOf(v);
          }
        }
      } else if (isString(a)) {
        positional.add(a.get(0));
      } else {
        dynamic = true;
        positional.add(null);
      }
    }
    if (positional.size() > 2) {
      dynamic = true;
    }
    Token pkg = positional.size() == 2 ? positional.get(0) : null;
    Token name = positional.isEmpty() ? null : positional.get(positional.size() == 2 ? 1 : 0);
    refs.add(
        new RefCall(
            call,
            pkg == null ? null : pkg.value(),
            pkg == null ? null : pkg.innerRange(),
            name == null ? null : name.value(),
            name == null ? emptyAfterParen(call) : name.innerRange(),
            version,
            dynamic,
            conditional));
    return dynamic;
  }

  private boolean source(TextRange call, List<List<Token>> args, boolean conditional) {
    List<Token> positional = new ArrayList<>();
    boolean dynamic = false;
    for (List<Token> a : args) {
      if (isString(a)) {
        positional.add(a.get(0));
      } else {
        dynamic = true;
        positional.add(null);
      }
    }
    if (positional.size() > 2) {
      dynamic = true;
    }
    Token src = positional.isEmpty() ? null : positional.get(0);
    Token tbl = positional.size() > 1 ? positional.get(1) : null;
    sources.add(
        new SourceCall(
            call,
            src == null ? null : src.value(),
            src == null ? emptyAfterParen(call) : src.innerRange(),
            tbl == null ? null : tbl.value(),
            tbl == null ? null : tbl.innerRange(),
            dynamic,
            conditional));
    return dynamic;
  }

  private boolean config(TextRange call, List<List<Token>> args) {
    List<ConfigArg> out = new ArrayList<>();
    boolean dynamic = false;
    for (List<Token> a : args) {
      boolean kw = isKeyword(a);
      int from = kw ? 2 : 0;
      if (from >= a.size()) {
        dynamic = true; // `config(materialized=` being typed
        continue;
      }
      Object v = literal(a, from, a.size());
      boolean lit = v != NOT_LITERAL;
      dynamic |= !lit || !kw && !(v instanceof Map);
      TextRange valueRange = new TextRange(a.get(from).start(), a.get(a.size() - 1).end());
      out.add(
          new ConfigArg(
              kw ? a.get(0).value() : null,
              kw ? a.get(0).range() : null,
              valueRange,
              lit ? v : null,
              lit));
    }
    configs.add(new ConfigCall(call, List.copyOf(out), dynamic));
    return dynamic;
  }

  private boolean varCall(TextRange call, List<List<Token>> args, boolean env) {
    Token name = null;
    boolean dynamic = false;
    TextRange def = null;
    int pos = 0;
    for (List<Token> a : args) {
      if (isKeyword(a)) {
        if (a.get(0).isName("default") && a.size() > 2) {
          def = new TextRange(a.get(2).start(), a.get(a.size() - 1).end());
        }
        continue;
      }
      if (pos == 0) {
        if (isString(a)) {
          name = a.get(0);
        } else {
          dynamic = true;
        }
      } else if (pos == 1) {
        def = new TextRange(a.get(0).start(), a.get(a.size() - 1).end());
      }
      pos++;
    }
    String n = name == null ? null : name.value();
    TextRange r = name == null ? emptyAfterParen(call) : name.innerRange();
    if (env) {
      envVars.add(new EnvVarCall(call, n, r, def != null, def, dynamic));
    } else {
      vars.add(new VarCall(call, n, r, def != null, def, dynamic));
    }
    return dynamic;
  }

  private boolean docCall(TextRange call, List<List<Token>> args) {
    boolean dynamic = args.size() > 2;
    List<Token> s = new ArrayList<>();
    for (List<Token> a : args) {
      if (isString(a)) {
        s.add(a.get(0));
      } else {
        dynamic = true;
      }
    }
    Token pkg = s.size() == 2 ? s.get(0) : null;
    Token name = s.isEmpty() ? null : s.get(s.size() - 1);
    docRefs.add(
        new DocCall(
            call,
            pkg == null ? null : pkg.value(),
            name == null ? null : name.value(),
            name == null ? emptyAfterParen(call) : name.innerRange(),
            dynamic));
    return dynamic;
  }

  private void dispatch(TextRange call, List<List<Token>> args) {
    Token name = null;
    Token ns = null;
    boolean dynamic = false;
    int pos = 0;
    for (List<Token> a : args) {
      Token value = null;
      boolean lit;
      if (isKeyword(a)) {
        String kw = a.get(0).value();
        lit = a.size() == 3 && a.get(2).kind() == TokenKind.STRING;
        value = lit ? a.get(2) : null;
        if (kw.equals("macro_name")) {
          name = value;
          dynamic |= !lit;
        } else if (kw.equals("macro_namespace")) {
          ns = value;
          dynamic |=
              !lit
                  && !(a.size() == 3 && a.get(2).isName("none"))
                  && !(a.size() == 3 && a.get(2).isName("None"));
        }
        continue;
      }
      lit = isString(a);
      if (pos == 0) {
        name = lit ? a.get(0) : null;
        dynamic |= !lit;
      } else if (pos == 1) {
        ns = lit ? a.get(0) : null;
        dynamic |= !lit && !(a.size() == 1 && (a.get(0).isName("none") || a.get(0).isName("None")));
      }
      pos++;
    }
    dispatches.add(
        new DispatchCall(
            call,
            name == null ? null : name.value(),
            name == null ? emptyAfterParen(call) : name.innerRange(),
            ns == null ? null : ns.value(),
            ns == null ? null : ns.innerRange(),
            dynamic));
  }

  private TextRange emptyAfterParen(TextRange call) {
    int p = text.indexOf('(', call.start());
    int at = p < 0 || p >= call.end() ? call.end() : p + 1;
    return new TextRange(at, at);
  }

  // ---------------------------------------------------------------- token helpers

  private static boolean isKeyword(List<Token> a) {
    return a.size() >= 2 && a.get(0).kind() == TokenKind.NAME && a.get(1).isOperator("=");
  }

  private static boolean isString(List<Token> a) {
    return a.size() == 1 && a.get(0).kind() == TokenKind.STRING;
  }

  private static int indexOfPunct(List<Token> k, String v, int from) {
    for (int i = from; i < k.size(); i++) {
      if (k.get(i).isPunct(v)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the bracket closing the one at {@code open}, or {@code k.size()} when missing. */
  static int matching(List<Token> k, int open) {
    int level = 0;
    for (int i = open; i < k.size(); i++) {
      Token t = k.get(i);
      if (t.kind() != TokenKind.PUNCT) {
        continue;
      }
      switch (t.value()) {
        case "(", "[", "{" -> level++;
        case ")", "]", "}" -> {
          if (--level == 0) {
            return i;
          }
        }
        default -> {}
      }
    }
    return k.size();
  }

  /**
   * The arguments between the brackets at {@code open} and {@code close}, split at top-level
   * commas, as views of {@code k}. Jumps over nested brackets, so nested calls stay linear.
   */
  static List<List<Token>> splitArgs(List<Token> k, int open, int close) {
    return splitArgs(k, open, close, matchAll(k));
  }

  static List<List<Token>> splitArgs(List<Token> k, int open, int close, int[] match) {
    List<List<Token>> out = new ArrayList<>();
    int end = Math.min(close, k.size());
    int from = open + 1;
    int i = from;
    while (i < end) {
      Token t = k.get(i);
      if (t.kind() == TokenKind.PUNCT) {
        switch (t.value()) {
          case "(", "[", "{" -> {
            i = Math.min(match[i], end); // the closer itself is stepped over below
          }
          case "," -> {
            out.add(k.subList(from, i));
            from = i + 1;
          }
          default -> {}
        }
      }
      i++;
    }
    if (from < end) {
      out.add(k.subList(from, end));
    }
    return out;
  }

  // ---------------------------------------------------------------- literals

  static final Object NOT_LITERAL = new Object();

  /** The literal value of tokens [from, to), or {@link #NOT_LITERAL}. */
  static Object literal(List<Token> k, int from, int to) {
    int[] pos = {from};
    Object v = value(k, pos, to, 0);
    return v == NOT_LITERAL || pos[0] != to ? NOT_LITERAL : v;
  }

  private static Object value(List<Token> k, int[] pos, int to, int depth) {
    if (pos[0] >= to || depth > 100) { // no literal nests deeper; keeps the stack bounded
      return NOT_LITERAL;
    }
    Token t = k.get(pos[0]);
    switch (t.kind()) {
      case STRING -> {
        if (!t.closed()) {
          return NOT_LITERAL;
        }
        StringBuilder sb = new StringBuilder(t.value());
        pos[0]++;
        while (pos[0] < to && k.get(pos[0]).kind() == TokenKind.STRING) {
          sb.append(k.get(pos[0]++).value()); // 'a' 'b' concatenates, as in Python
        }
        return sb.toString();
      }
      case NUMBER -> {
        pos[0]++;
        return number(t.value(), false);
      }
      case OPERATOR -> {
        if (t.value().equals("-")
            && pos[0] + 1 < to
            && k.get(pos[0] + 1).kind() == TokenKind.NUMBER) {
          pos[0] += 2;
          return number(k.get(pos[0] - 1).value(), true);
        }
        return NOT_LITERAL;
      }
      case NAME -> {
        pos[0]++;
        return switch (t.value()) {
          case "True", "true" -> Boolean.TRUE;
          case "False", "false" -> Boolean.FALSE;
          case "None", "none" -> null;
          default -> NOT_LITERAL;
        };
      }
      case PUNCT -> {
        String v = t.value();
        if (v.equals("[") || v.equals("(")) {
          String close = v.equals("[") ? "]" : ")";
          pos[0]++;
          List<Object> items = new ArrayList<>();
          while (pos[0] < to && !k.get(pos[0]).isPunct(close)) {
            Object item = value(k, pos, to, depth + 1);
            if (item == NOT_LITERAL) {
              return NOT_LITERAL;
            }
            items.add(item);
            if (pos[0] < to && k.get(pos[0]).isPunct(",")) {
              pos[0]++;
            } else if (pos[0] >= to || !k.get(pos[0]).isPunct(close)) {
              return NOT_LITERAL;
            }
          }
          if (pos[0] >= to) {
            return NOT_LITERAL;
          }
          pos[0]++;
          return Collections.unmodifiableList(items);
        }
        if (v.equals("{")) {
          pos[0]++;
          Map<String, Object> map = new LinkedHashMap<>();
          while (pos[0] < to && !k.get(pos[0]).isPunct("}")) {
            Object key = value(k, pos, to, depth + 1);
            if (key == NOT_LITERAL || pos[0] >= to || !k.get(pos[0]).isPunct(":")) {
              return NOT_LITERAL;
            }
            pos[0]++;
            Object item = value(k, pos, to, depth + 1);
            if (item == NOT_LITERAL) {
              return NOT_LITERAL;
            }
            map.put(String.valueOf(key), item);
            if (pos[0] < to && k.get(pos[0]).isPunct(",")) {
              pos[0]++;
            } else if (pos[0] >= to || !k.get(pos[0]).isPunct("}")) {
              return NOT_LITERAL;
            }
          }
          if (pos[0] >= to) {
            return NOT_LITERAL;
          }
          pos[0]++;
          return Collections.unmodifiableMap(map);
        }
        return NOT_LITERAL;
      }
      default -> {
        return NOT_LITERAL;
      }
    }
  }

  private static Object number(String s, boolean negative) {
    String clean = s.replace("_", "");
    try {
      if (clean.contains(".") || clean.contains("e") || clean.contains("E")) {
        double d = Double.parseDouble(clean);
        return negative ? -d : d;
      }
      long l = Long.parseLong(clean);
      return negative ? -l : l;
    } catch (NumberFormatException e) {
      return NOT_LITERAL;
    }
  }
}
