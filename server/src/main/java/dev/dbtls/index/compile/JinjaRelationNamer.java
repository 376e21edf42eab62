package dev.dbtls.index.compile;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.ManifestBuilder;
import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.jinja.DbtJinja;
import dev.dbtls.project.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Names relations through the project's own {@code generate_database_name}, {@code
 * generate_schema_name} or {@code generate_alias_name} when it overrides them; the Java defaults
 * stay in charge of everything the project does not override.
 */
final class JinjaRelationNamer implements ManifestBuilder.RelationNamer {
  private static final String[] KINDS = {"database", "schema", "alias"};
  private final java.util.function.Supplier<DbtJinja> jinja;
  private final Manifest empty;
  private final Map<String, String> env;
  private final boolean[] overridden = new boolean[3];

  private JinjaRelationNamer(
      java.util.function.Supplier<DbtJinja> jinja, Manifest empty, Map<String, String> env) {
    this.jinja = jinja;
    this.empty = empty;
    this.env = env;
    String root = empty.inputs().root().name();
    List<String> prefixes = new ArrayList<>(List.of("", "default__"));
    empty.inputs().target().adapter().lineage().forEach(a -> prefixes.add(a + "__"));
    // decided from the root project's macro definitions, without building the engine
    java.util.Set<String> defined = new java.util.HashSet<>();
    for (dev.dbtls.project.ProjectFile f : empty.inputs().files()) {
      if (f.packageName().equals(root)
          && f.kind() == dev.dbtls.project.FileKind.MACRO
          && f.text().contains("generate_")) {
        dev.dbtls.jinja.scan.StaticExtractor.extract(
                dev.dbtls.jinja.scan.JinjaScanner.scan(f.text()))
            .macros()
            .forEach(m -> defined.add(m.name()));
      }
    }
    for (int i = 0; i < 3; i++) {
      for (String p : prefixes) {
        overridden[i] |= defined.contains(p + "generate_" + KINDS[i] + "_name");
      }
    }
  }

  static ManifestBuilder.RelationNamer forProject(
      java.util.function.Supplier<DbtJinja> jinja, Manifest empty, Map<String, String> env) {
    JinjaRelationNamer n = new JinjaRelationNamer(jinja, empty, env);
    return n.overridden[0] || n.overridden[1] || n.overridden[2] ? n : null;
  }

  @Override
  public RelationName name(Node node, RelationName defaults) {
    CompileScope scope = new CompileScope(empty, node, true, env);
    Map<String, Object> globals = DbtContext.globals(scope, Map::of);
    Map<String, Object> dict = NodeDicts.of(node);
    String database =
        overridden[0]
            ? call("database", node.config().get("database"), dict, globals)
            : defaults.database();
    String schema =
        overridden[1]
            ? call("schema", node.config().get("schema"), dict, globals)
            : defaults.schema();
    String alias =
        overridden[2]
            ? call("alias", node.config().get("alias"), dict, globals)
            : defaults.identifier();
    return new RelationName(
        database == null ? defaults.database() : database,
        schema == null ? defaults.schema() : schema,
        alias == null ? defaults.identifier() : alias);
  }

  private String call(
      String kind, Object custom, Map<String, Object> dict, Map<String, Object> globals) {
    List<Problem> problems = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    args.add(custom);
    args.add(dict);
    Object v =
        jinja
            .get()
            .callMacro(
                empty.inputs().root().name(),
                "generate_" + kind + "_name",
                args,
                Map.of(),
                globals,
                problems);
    if (v == null || !problems.stream().noneMatch(Problem::isError)) {
      return null;
    }
    String s = String.valueOf(v).strip();
    return s.isEmpty() || "None".equals(s) ? null : s;
  }
}
