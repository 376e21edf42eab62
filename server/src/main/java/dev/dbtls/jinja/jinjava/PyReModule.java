package dev.dbtls.jinja.jinjava;

import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.jinja.PyObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/**
 * {@code modules.re} as dbt exposes it (the names of {@code re.__all__}): the module functions,
 * compiled patterns and match objects, over {@link PyRegex}'s translation of Python's patterns.
 */
final class PyReModule {
  private PyReModule() {}

  static PyObject module() {
    Map<String, Object> m = new HashMap<>();
    m.put("compile", fn((a, k) -> pattern(a, k, 0)));
    m.put(
        "search",
        fn(
            (a, k) ->
                pattern(a, k, 2)
                    .call("search", a.subList(1, Math.min(2, a.size())), without(k, "flags"))));
    m.put(
        "match",
        fn(
            (a, k) ->
                pattern(a, k, 2)
                    .call("match", a.subList(1, Math.min(2, a.size())), without(k, "flags"))));
    m.put(
        "fullmatch",
        fn(
            (a, k) ->
                pattern(a, k, 2)
                    .call("fullmatch", a.subList(1, Math.min(2, a.size())), without(k, "flags"))));
    m.put(
        "findall",
        fn(
            (a, k) ->
                pattern(a, k, 2).call("findall", a.subList(1, Math.min(2, a.size())), Map.of())));
    m.put(
        "finditer",
        fn(
            (a, k) ->
                pattern(a, k, 2).call("finditer", a.subList(1, Math.min(2, a.size())), Map.of())));
    m.put(
        "split",
        fn(
            (a, k) ->
                pattern(a, k, 3)
                    .call("split", a.subList(1, Math.min(3, a.size())), without(k, "flags"))));
    m.put(
        "sub",
        fn(
            (a, k) ->
                pattern(a, k, 4)
                    .call("sub", a.subList(1, Math.min(4, a.size())), without(k, "flags"))));
    m.put(
        "subn",
        fn(
            (a, k) ->
                pattern(a, k, 4)
                    .call("subn", a.subList(1, Math.min(4, a.size())), without(k, "flags"))));
    m.put(
        "escape",
        fn((a, k) -> PyRegex.escape(PyValues.str(new Arguments(a, k).arg(0, "pattern", "")))));
    m.put("purge", fn((a, k) -> null));
    Map<String, Long> flags =
        Map.of(
            "A",
            (long) PyRegex.A,
            "I",
            (long) PyRegex.I,
            "L",
            (long) PyRegex.L,
            "M",
            (long) PyRegex.M,
            "S",
            (long) PyRegex.S,
            "U",
            (long) PyRegex.U,
            "X",
            (long) PyRegex.X);
    m.putAll(flags);
    m.put("ASCII", flags.get("A"));
    m.put("IGNORECASE", flags.get("I"));
    m.put("LOCALE", flags.get("L"));
    m.put("MULTILINE", flags.get("M"));
    m.put("DOTALL", flags.get("S"));
    m.put("UNICODE", flags.get("U"));
    m.put("VERBOSE", flags.get("X"));
    m.put("NOFLAG", 0L);
    return new PyObjects("re", Map.copyOf(m));
  }

  private static Map<String, Object> without(Map<String, Object> k, String key) {
    Map<String, Object> copy = new HashMap<>(k);
    copy.remove(key);
    copy.remove("pattern");
    copy.remove("string");
    return copy;
  }

  /** The pattern argument compiled with the flags at {@code flagsAt} (positional) or flags=. */
  private static PatternObject pattern(List<Object> a, Map<String, Object> k, int flagsAt) {
    Object p = a.isEmpty() ? k.get("pattern") : a.get(0);
    Object f = flagsAt < a.size() && flagsAt > 0 ? a.get(flagsAt) : k.get("flags");
    if (flagsAt == 0) {
      f = a.size() > 1 ? a.get(1) : k.get("flags");
    }
    if (p instanceof PatternObject compiled) {
      return compiled;
    }
    if (!(p instanceof String) && !(p instanceof com.hubspot.jinjava.objects.SafeString)) {
      throw new IllegalArgumentException(
          "TypeError: first argument must be string or compiled pattern");
    }
    return new PatternObject(
        PyRegex.compile(PyValues.str(p), f instanceof Number n ? n.intValue() : 0));
  }

  private static String string(Object o) {
    if (o == null || o instanceof Undefined) {
      throw new IllegalArgumentException(
          "TypeError: expected string or bytes-like object, got '" + PyMethods.typeName(o) + "'");
    }
    return PyValues.str(o);
  }

  /** A compiled pattern: {@code re.compile(p)}. */
  record PatternObject(PyRegex regex) implements PyObject {
    @Override
    public Object attr(String name) {
      return switch (name) {
        case "pattern" -> regex.source();
        case "flags" -> (long) regex.flags();
        case "groups" -> (long) regex.groups();
        case "groupindex" -> {
          Map<String, Object> g = new LinkedHashMap<>();
          regex.groupIndex().forEach((n, i) -> g.put(n, (long) i));
          yield g;
        }
        default -> MISSING;
      };
    }

    @Override
    public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
      Arguments a = new Arguments(args, kwargs);
      return switch (method) {
        case "search", "match", "fullmatch" -> {
          String s = string(a.arg(0, "string", null));
          Matcher m = matcher(s, a.arg(1, "pos", null), a.arg(2, "endpos", null));
          boolean found =
              method.equals("search")
                  ? m.find()
                  : method.equals("match") ? m.lookingAt() : m.matches();
          yield found ? new MatchObject(this, s, m.toMatchResult()) : null;
        }
        case "findall" -> {
          List<Object> out = new ArrayList<>();
          for (MatchResult r : all(string(a.arg(0, "string", null)))) {
            if (regex.groups() == 0) {
              out.add(r.group());
            } else if (regex.groups() == 1) {
              out.add(PyRegex.group(r, 1));
            } else {
              List<Object> t = new ArrayList<>();
              for (int g = 1; g <= regex.groups(); g++) {
                t.add(PyRegex.group(r, g));
              }
              out.add(new PyTuple(t));
            }
          }
          yield out;
        }
        case "finditer" -> {
          String s = string(a.arg(0, "string", null));
          yield all(s).stream().map(r -> (Object) new MatchObject(this, s, r)).toList();
        }
        case "split" -> split(string(a.arg(0, "string", null)), count(a.arg(1, "maxsplit", 0L)));
        case "sub", "subn" -> {
          String s = string(a.arg(1, "string", null));
          Object repl = a.arg(0, "repl", "");
          long max = count(a.arg(2, "count", 0L));
          StringBuilder b = new StringBuilder();
          int last = 0;
          long n = 0;
          for (MatchResult r : all(s)) {
            if (max > 0 && n == max) {
              break;
            }
            b.append(s, last, r.start());
            b.append(
                repl instanceof JinjaCallable f
                    ? PyValues.str(f.call(List.of(new MatchObject(this, s, r)), Map.of()))
                    : regex.expand(PyValues.str(repl), r));
            last = r.end();
            n++;
          }
          b.append(s.substring(last));
          yield method.equals("sub") ? b.toString() : new PyTuple(List.of(b.toString(), n));
        }
        default -> MISSING;
      };
    }

    private static long count(Object o) {
      return o instanceof Number n ? n.longValue() : 0;
    }

    private Matcher matcher(String s, Object pos, Object endpos) {
      Matcher m = regex.pattern().matcher(s);
      int from = pos instanceof Number n ? Math.max(0, Math.min(s.length(), n.intValue())) : 0;
      int to =
          endpos instanceof Number n
              ? Math.max(from, Math.min(s.length(), n.intValue()))
              : s.length();
      // Python's ^ matches only at the real start; lookbehind sees before pos
      return m.region(from, to).useAnchoringBounds(false).useTransparentBounds(true);
    }

    private List<MatchResult> all(String s) {
      Matcher m = regex.pattern().matcher(s);
      List<MatchResult> out = new ArrayList<>();
      while (m.find()) {
        out.add(m.toMatchResult());
        RenderLimits.items(out.size(), "re's matches");
      }
      return out;
    }

    private List<Object> split(String s, long max) {
      List<Object> out = new ArrayList<>();
      int last = 0;
      long n = 0;
      for (MatchResult r : all(s)) {
        if (max > 0 && n == max) {
          break;
        }
        out.add(s.substring(last, r.start()));
        for (int g = 1; g <= regex.groups(); g++) {
          out.add(r.group(g));
        }
        last = r.end();
        n++;
      }
      out.add(s.substring(last));
      return out;
    }

    @Override
    public String toString() {
      return "re.compile(" + PyValues.repr(regex.source()) + ")";
    }
  }

  /**
   * A match: {@code group}, {@code groups}, {@code groupdict}, {@code start}/{@code end}/{@code
   * span}.
   */
  record MatchObject(PatternObject re, String string, MatchResult m) implements PyObject {
    private int number(Object g) {
      if (g instanceof Number n && n.intValue() >= 0 && n.intValue() <= re.regex().groups()) {
        return n.intValue();
      }
      Integer byName = g == null ? null : re.regex().groupIndex().get(PyValues.str(g));
      if (byName == null) {
        throw new IllegalArgumentException("IndexError: no such group");
      }
      return byName;
    }

    @Override
    public Object attr(String name) {
      return switch (name) {
        case "string" -> string;
        case "re" -> re;
        case "pos" -> 0L;
        case "endpos" -> (long) string.length();
        case "lastindex" -> lastIndex() == 0 ? null : (long) lastIndex();
        case "lastgroup" -> lastIndex() == 0 ? null : re.regex().namesByNumber().get(lastIndex());
        default -> MISSING;
      };
    }

    /**
     * The group that closed last: the matched group whose end is greatest, the outer one on a tie.
     */
    private int lastIndex() {
      int best = 0;
      for (int g = 1; g <= re.regex().groups(); g++) {
        if (m.group(g) != null && (best == 0 || m.end(g) > m.end(best))) {
          best = g;
        }
      }
      return best;
    }

    @Override
    public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
      return switch (method) {
        case "group" -> {
          if (args.size() > 1) {
            yield new PyTuple(args.stream().map(g -> (Object) m.group(number(g))).toList());
          }
          yield m.group(number(args.isEmpty() ? 0L : args.get(0)));
        }
        case "groups" -> {
          Object fallback = new Arguments(args, kwargs).arg(0, "default", null);
          List<Object> out = new ArrayList<>();
          for (int g = 1; g <= re.regex().groups(); g++) {
            out.add(m.group(g) == null ? fallback : m.group(g));
          }
          yield new PyTuple(out);
        }
        case "groupdict" -> {
          Object fallback = new Arguments(args, kwargs).arg(0, "default", null);
          Map<String, Object> out = new LinkedHashMap<>();
          List<String> names = re.regex().namesByNumber();
          for (int g = 1; g < names.size(); g++) {
            if (names.get(g) != null) {
              out.put(names.get(g), m.group(g) == null ? fallback : m.group(g));
            }
          }
          yield out;
        }
        case "start" -> (long) m.start(number(args.isEmpty() ? 0L : args.get(0)));
        case "end" -> (long) m.end(number(args.isEmpty() ? 0L : args.get(0)));
        case "span" -> {
          int g = number(args.isEmpty() ? 0L : args.get(0));
          yield new PyTuple(List.of((long) m.start(g), (long) m.end(g)));
        }
        case "expand" -> re.regex().expand(PyValues.str(args.isEmpty() ? "" : args.get(0)), m);
        default -> MISSING;
      };
    }

    @Override
    public String toString() {
      return "<re.Match object; span=("
          + m.start()
          + ", "
          + m.end()
          + "), match="
          + PyValues.repr(m.group())
          + ">";
    }
  }

  private static JinjaCallable fn(JinjaCallable c) {
    return c;
  }
}
