package dev.dbtls.jinja.scan;

import static dev.dbtls.jinja.scan.CallArguments.indexOfPunct;
import static dev.dbtls.jinja.scan.CallArguments.matching;
import static dev.dbtls.jinja.scan.CallArguments.splitArgs;

import dev.dbtls.jinja.scan.StaticFacts.DocsBlock;
import dev.dbtls.jinja.scan.StaticFacts.MacroCall;
import dev.dbtls.jinja.scan.StaticFacts.MacroDef;
import dev.dbtls.jinja.scan.StaticFacts.MacroKind;
import dev.dbtls.jinja.scan.StaticFacts.Param;
import dev.dbtls.jinja.scan.StaticFacts.SnapshotBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Extracts {@link StaticFacts} from a scanned template by reading the tokens of its expressions and
 * statements: calls with literal arguments, and the definitions made by block tags. Never throws;
 * half-typed calls give items with what is there.
 */
public final class StaticExtractor {

  /**
   * Macros dbt ships that never add refs, sources or config (beside {@link DbtContextNames}'
   * functions): a call of one needs no parse render.
   */
  static final Set<String> SHIPPED_MACROS_WITHOUT_REFS =
      Set.of(
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

  /** A function dbt or Jinja provide that never adds refs, sources or config. */
  static boolean isBuiltinFunction(String name) {
    return DbtContextNames.isFunction(name) || SHIPPED_MACROS_WITHOUT_REFS.contains(name);
  }

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
  private final List<MacroDef> macros = new ArrayList<>();
  private final List<SnapshotBlock> snapshots = new ArrayList<>();
  private final List<DocsBlock> docs = new ArrayList<>();
  private final List<MacroCall> macroCalls = new ArrayList<>();
  private final DbtCallReader dbt;
  private boolean needsRender;
  private boolean conditionalCalls;

  /** Per block: inside (or being) a macro/test/materialization; inside a conditional block. */
  private final boolean[] blockInDefinition;

  private final boolean[] blockConditional;

  private StaticExtractor(ScannedTemplate t) {
    this.t = t;
    this.text = t.text();
    this.dbt = new DbtCallReader(text);
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
        List.copyOf(x.dbt.refs),
        List.copyOf(x.dbt.sources),
        List.copyOf(x.dbt.configs),
        List.copyOf(x.macros),
        List.copyOf(x.snapshots),
        List.copyOf(x.docs),
        List.copyOf(x.macroCalls),
        List.copyOf(x.dbt.dispatches),
        List.copyOf(x.dbt.vars),
        List.copyOf(x.dbt.envVars),
        List.copyOf(x.dbt.docRefs),
        x.needsRender,
        x.conditionalCalls,
        List.copyOf(x.dbt.functions));
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
    int[] match = CallArguments.matchAll(k);
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
              case "ref" -> dbt.ref(call, args, conditional);
              case "function" -> dbt.function(call, args, conditional);
              case "source" -> dbt.source(call, args, conditional);
              case "config" -> dbt.config(call, args);
              case "var" -> dbt.varCall(call, args, false);
              case "env_var" -> dbt.varCall(call, args, true);
              case "doc" -> dbt.docCall(call, args);
              default -> {
                boolean builtin = isBuiltinFunction(name);
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
          dbt.dispatch(call, splitArgs(k, open, close, match));
        } else if (ns.equals("dbt")) {
          macroCalls.add(new MacroCall(call, ns, name, nameTok.range(), true));
        } else if (!DbtContextNames.contains(ns)
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
      case "ref", "source", "config", "var", "env_var", "doc", "function" -> true;
      default -> false;
    };
  }
}
