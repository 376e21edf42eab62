package dev.dbtls.index.compile;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.YamlDependency;
import dev.dbtls.jinja.Relation;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compiles a data test declared in YAML: calls its {@code test_<name>} macro with {@code model}
 * (wrapped in a subquery when the test has a {@code where} config), {@code column_name} and the
 * test's arguments, where {@code ref(...)}/{@code source(...)} strings become relations.
 */
final class GenericTestCompiler {
  private GenericTestCompiler() {}

  @SuppressWarnings("unchecked")
  static CompiledNode compile(
      ProjectSnapshot snapshot, Node test, Function<CompileScope, Map<String, Object>> globalsOf) {
    Manifest m = snapshot.manifest();
    CompileScope scope = new CompileScope(m, test, false, snapshot.env());
    Map<String, Object> globals = globalsOf.apply(scope);
    Map<String, Object> kwargs = new LinkedHashMap<>();
    Object rawArgs = test.extra().get("kwargs");
    List<Problem> renderProblems = new ArrayList<>();
    if (rawArgs instanceof Map<?, ?> a) {
      ((Map<String, Object>) a)
          .forEach(
              (k, v) ->
                  kwargs.put(
                      k,
                      k.equals("column_name")
                          ? v
                          : relationOrValue(
                              m,
                              test,
                              nativeValue(snapshot, test, v, globals, renderProblems),
                              scope)));
    }
    Object model = relationOrValue(m, test, test.extra().get("model_arg"), scope);
    Object where = test.config().get("where");
    if (where instanceof String w && (w.contains("{{") || w.contains("{%"))) {
      where = nativeValue(snapshot, test, w, globals, renderProblems); // it needed a macro at load
    }
    kwargs.put(
        "model",
        where == null ? model : "(select * from " + model + " where " + where + ") dbt_subquery");
    String ns = (String) test.extra().get("test_namespace");
    String macro = "test_" + test.extra().get("test_name");
    String fromPackage = ns != null ? ns : test.packageName();
    List<Problem> problems = new ArrayList<>(scope.problems());
    problems.addAll(renderProblems);
    if (!snapshot.jinja().hasMacro(fromPackage, macro)
        && !snapshot.jinja().hasMacro("dbt", macro)
        && !snapshot.jinja().hasMacro(m.inputs().root().name(), macro)) {
      problems.add(
          new Problem(
              test.displayPath(),
              test.span().startLine(),
              test.span().startColumn(),
              test.span().endLine(),
              test.span().endColumn(),
              null,
              ProblemCode.UNDEFINED_MACRO,
              "data test '"
                  + test.extra().get("test_name")
                  + "' has no macro '"
                  + macro
                  + "'"
                  + (ns == null ? "" : " in package '" + ns + "'")));
      return new CompiledNode(test, "", problems, true);
    }
    Object out =
        snapshot.jinja().callMacro(fromPackage, macro, List.of(), kwargs, globals, problems);
    problems.addAll(scope.problems());
    boolean failed = scope.failed() || problems.stream().anyMatch(Problem::isError);
    return new CompiledNode(
        test,
        out == null ? "" : String.valueOf(out).strip() + "\n",
        atEntry(test, problems),
        failed);
  }

  /**
   * Problems the engine could not place (the test has no SQL file) go to the test's YAML entry,
   * once each.
   */
  private static List<Problem> atEntry(Node test, List<Problem> problems) {
    return problems.stream()
        .map(
            p ->
                p.line() != 0
                        || p.column() != 0
                        || p.endLine() != 0
                        || !(p.file().isEmpty() || p.file().equals(test.displayPath()))
                    ? p
                    : new Problem(
                        test.displayPath(),
                        test.span().startLine(),
                        test.span().startColumn(),
                        test.span().endLine(),
                        test.span().endColumn(),
                        p.severity(),
                        p.code(),
                        p.message()))
        .distinct()
        .toList();
  }

  /** {@code ref(...)}, {@code var(...)}, ... written bare: dbt wraps them in {@code {{ }}}. */
  private static final java.util.regex.Pattern LOOKS_LIKE_CALL =
      java.util.regex.Pattern.compile(
          "^\\s*(env_var|ref|var|source|doc)\\s*\\(.+\\)\\s*$", java.util.regex.Pattern.DOTALL);

  /**
   * A test argument as dbt passes it: strings with Jinja are rendered in the test's context with
   * native types, so {@code values: "{{ var('methods') }}"} is the var's list, not its text. Lists
   * and maps are rendered item by item. {@code ref()}/{@code source()} strings stay as they are:
   * {@link #relationOrValue} makes them relations.
   */
  @SuppressWarnings("unchecked")
  private static Object nativeValue(
      ProjectSnapshot snapshot,
      Node test,
      Object v,
      Map<String, Object> globals,
      List<Problem> problems) {
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(nativeValue(snapshot, test, x, globals, problems)));
      return out;
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map)
          .forEach((k, x) -> out.put(k, nativeValue(snapshot, test, x, globals, problems)));
      return out;
    }
    if (!(v instanceof String s) || YamlDependency.looksLikeOne(s)) {
      return v;
    }
    String template = LOOKS_LIKE_CALL.matcher(s).matches() ? "{{ " + s + " }}" : s;
    if (!template.contains("{{") && !template.contains("{%")) {
      return v;
    }
    dev.dbtls.jinja.Rendered r =
        snapshot
            .jinja()
            .render(
                new dev.dbtls.jinja.RenderRequest(
                    test.displayPath(), template, test.packageName(), globals));
    if (r.failed()) {
      r.problems().stream()
          .map(
              p ->
                  new Problem(
                      test.displayPath(),
                      test.span().startLine(),
                      test.span().startColumn(),
                      test.span().endLine(),
                      test.span().endColumn(),
                      p.severity(),
                      p.code(),
                      p.message()))
          .forEach(problems::add);
      return v;
    }
    return PythonLiteral.parse(r.output()).orElse(r.output());
  }

  private static Object relationOrValue(Manifest m, Node test, Object v, CompileScope scope) {
    if (!YamlDependency.looksLikeOne(v)) {
      return v;
    }
    YamlDependency d = YamlDependency.of((String) v);
    Optional<Node> n =
        !d.refs().isEmpty()
            ? m.resolveRef(test.packageName(), d.refs().get(0))
            : !d.sources().isEmpty()
                ? m.resolveSource(
                    test.packageName(),
                    d.sources().get(0).sourceName(),
                    d.sources().get(0).tableName())
                : Optional.empty();
    if (n.isPresent()) {
      return Relations.of(n.get(), scope.adapter(), scope.quoting());
    }
    scope
        .problems()
        .add(
            new Problem(
                test.displayPath(),
                test.span().startLine(),
                test.span().startColumn(),
                test.span().endLine(),
                test.span().endColumn(),
                null,
                ProblemCode.REF_UNKNOWN,
                "data test '"
                    + test.name()
                    + "': "
                    + ((String) v).strip()
                    + " matches no enabled node"));
    scope.fail();
    return Relation.of(scope.adapter(), null, null, (String) v);
  }
}
