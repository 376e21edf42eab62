package dev.dbtls.jinja.scan;

import static dev.dbtls.jinja.scan.CallArguments.isKeyword;
import static dev.dbtls.jinja.scan.CallArguments.isString;
import static dev.dbtls.jinja.scan.JinjaLiteral.NOT_LITERAL;
import static dev.dbtls.jinja.scan.JinjaLiteral.literal;

import dev.dbtls.jinja.scan.StaticFacts.ConfigArg;
import dev.dbtls.jinja.scan.StaticFacts.ConfigCall;
import dev.dbtls.jinja.scan.StaticFacts.DispatchCall;
import dev.dbtls.jinja.scan.StaticFacts.DocCall;
import dev.dbtls.jinja.scan.StaticFacts.EnvVarCall;
import dev.dbtls.jinja.scan.StaticFacts.RefCall;
import dev.dbtls.jinja.scan.StaticFacts.SourceCall;
import dev.dbtls.jinja.scan.StaticFacts.VarCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads dbt's own calls — {@code ref}, {@code source}, {@code config}, {@code var}, {@code
 * env_var}, {@code doc} and {@code adapter.dispatch} — from their argument tokens into facts: the
 * literal names and where they are written, or that the call is dynamic. A half-typed call gives an
 * item with what is there (an empty name range right after the bracket).
 */
final class DbtCallReader {
  private final String text;
  final List<RefCall> refs = new ArrayList<>();
  final List<RefCall> functions = new ArrayList<>();
  final List<SourceCall> sources = new ArrayList<>();
  final List<ConfigCall> configs = new ArrayList<>();
  final List<DispatchCall> dispatches = new ArrayList<>();
  final List<VarCall> vars = new ArrayList<>();
  final List<EnvVarCall> envVars = new ArrayList<>();
  final List<DocCall> docRefs = new ArrayList<>();

  DbtCallReader(String text) {
    this.text = text;
  }

  /** Returns whether the call is dynamic. */
  boolean ref(TextRange call, List<List<Token>> args, boolean conditional) {
    return ref(call, args, conditional, refs);
  }

  /**
   * {@code function('name')} or {@code function('package', 'name')} (dbt 1.11's user-defined
   * functions), read as a ref without a version.
   */
  boolean function(TextRange call, List<List<Token>> args, boolean conditional) {
    return ref(call, args, conditional, functions);
  }

  private boolean ref(
      TextRange call, List<List<Token>> args, boolean conditional, List<RefCall> into) {
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
    into.add(
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

  boolean source(TextRange call, List<List<Token>> args, boolean conditional) {
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

  boolean config(TextRange call, List<List<Token>> args) {
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

  boolean varCall(TextRange call, List<List<Token>> args, boolean env) {
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

  boolean docCall(TextRange call, List<List<Token>> args) {
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

  void dispatch(TextRange call, List<List<Token>> args) {
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
}
