package dev.dbtls.index;

import dev.dbtls.project.Configs;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.properties.ColumnSpec;
import dev.dbtls.project.properties.DataTestSpec;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.properties.SourceSpec;
import dev.dbtls.project.properties.SourceTableSpec;
import dev.dbtls.project.properties.VersionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the data tests declared in property YAML into test nodes, named as dbt names them and
 * depending on the node they test (and on the {@code to} of a relationships test).
 */
final class GenericTests {
  interface ConfigSource {
    Map<String, Object> configFor(ResourceType type, String pkg, List<String> fqn);

    /** A test's own configs from YAML, rendered as dbt renders them when it builds the test. */
    Map<String, Object> testConfig(
        Map<String, Object> config, String pkg, String file, dev.dbtls.project.Span at);
  }

  private GenericTests() {}

  /**
   * The test nodes, each passed through {@code keep} as it is made (a full build after an edit
   * takes the previous node's parts there): on 100,000 models the 238,000 tests made anew, their
   * ids, names and configs, were all held until the last was made.
   */
  static List<Node> of(
      ProjectInputs inputs,
      PropertyIndex props,
      ConfigSource configs,
      java.util.function.UnaryOperator<Node> keep) {
    List<Node> made = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.function.Consumer<Node> out = n -> made.add(keep.apply(n));
    dev.dbtls.project.Parallel.forEach(
        props.nodes,
        o -> {
          NodeSpec s = o.spec();
          String prefix = s.resourceType();
          if (s.versions().isEmpty()) {
            String target = prefix + "." + o.packageName() + "." + s.name();
            tests(
                out,
                inputs,
                configs,
                o,
                s.tests(),
                s.columns(),
                s.name(),
                target,
                "ref('" + s.name() + "')");
            return;
          }
          // dbt tests every version: its own columns (include/exclude applied), named
          // <model>_v<v>
          for (VersionSpec v : s.versions()) {
            String target = prefix + "." + o.packageName() + "." + s.name() + ".v" + v.v();
            tests(
                out,
                inputs,
                configs,
                o,
                s.tests(),
                v.columns(),
                s.name() + "_v" + v.v(),
                target,
                "ref('" + s.name() + "', version='" + v.v() + "')");
          }
        });
    for (PropertyIndex.Owned<SourceSpec> o : props.sources) {
      for (SourceTableSpec tbl : o.spec().tables()) {
        String target = "source." + o.packageName() + "." + o.spec().name() + "." + tbl.name();
        String model = "source('" + o.spec().name() + "', '" + tbl.name() + "')";
        String targetName = o.spec().name() + "_" + tbl.name();
        for (DataTestSpec t : tbl.tests()) {
          out.accept(
              node(
                  inputs,
                  configs,
                  o.packageName(),
                  o.file(),
                  t,
                  o.folders(),
                  o.relativePath(),
                  "source_",
                  targetName,
                  null,
                  target,
                  model));
        }
        for (ColumnSpec c : tbl.columns()) {
          for (DataTestSpec t : c.tests()) {
            out.accept(
                node(
                    inputs,
                    configs,
                    o.packageName(),
                    o.file(),
                    t,
                    o.folders(),
                    o.relativePath(),
                    "source_",
                    targetName,
                    c.name(),
                    target,
                    model));
          }
        }
      }
    }
    return made;
  }

  private static void tests(
      java.util.function.Consumer<Node> out,
      ProjectInputs inputs,
      ConfigSource configs,
      PropertyIndex.Owned<NodeSpec> o,
      List<DataTestSpec> modelTests,
      List<ColumnSpec> columns,
      String targetName,
      String target,
      String model) {
    for (DataTestSpec t : modelTests) {
      out.accept(
          node(
              inputs,
              configs,
              o.packageName(),
              o.file(),
              t,
              o.folders(),
              o.relativePath(),
              "",
              targetName,
              null,
              target,
              model));
    }
    for (ColumnSpec c : columns) {
      for (DataTestSpec t : c.tests()) {
        out.accept(
            node(
                inputs,
                configs,
                o.packageName(),
                o.file(),
                t,
                o.folders(),
                o.relativePath(),
                "",
                targetName,
                c.name(),
                target,
                model));
      }
    }
  }

  private static Node node(
      ProjectInputs inputs,
      ConfigSource configs,
      String pkg,
      PropertyFile file,
      DataTestSpec t,
      List<String> folders,
      String relativePath,
      String sourcePrefix,
      String targetName,
      String column,
      String attachedTo,
      String modelArg) {
    Map<String, Object> args = new LinkedHashMap<>(t.args());
    if (column != null) {
      args.put("column_name", column);
    }
    // dbt: source_<test>, then the namespace before it (dbt_utils_source_<test>)
    String identifier =
        (t.packageName() == null ? "" : t.packageName() + "_") + sourcePrefix + t.macroName();
    GenericTestNames.Names names =
        t.customName() != null
            ? new GenericTestNames.Names(t.customName(), t.customName())
            : GenericTestNames.names(identifier, targetName, args);
    String name = names.shortName();
    List<String> fqn = new ArrayList<>();
    fqn.add(pkg);
    String path = relativePath;
    fqn.addAll(folders);
    fqn.add(names.fullName());
    Map<String, Object> config =
        Configs.merge(
            configs.configFor(ResourceType.TEST, pkg, fqn),
            configs.testConfig(t.config(), pkg, file.path(), t.span()));
    if (!name.equals(names.fullName())) {
      config.putIfAbsent("alias", name); // a long name's table of failures is named by its hash
    }
    config.putIfAbsent("enabled", true);
    config.putIfAbsent("materialized", "test");
    config.putIfAbsent("severity", "ERROR");
    List<RefCall> refs = new ArrayList<>();
    List<SourceCall> sources = new ArrayList<>();
    // dbt renders every argument when it parses the test: a ref() or source() one is a dependency
    // (a relationships test's `to`, dbt_utils.equality's `compare_model`, ...)
    for (Object v : args.values()) {
      if (YamlDependency.looksLikeOne(v)) {
        YamlDependency d = YamlDependency.of((String) v);
        d.refs().stream().filter(r -> !refs.contains(r)).forEach(refs::add);
        d.sources().stream().filter(x -> !sources.contains(x)).forEach(sources::add);
      }
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("test_name", t.macroName());
    extra.put("test_namespace", t.packageName());
    extra.put("kwargs", args);
    extra.put("column_name", column);
    extra.put("attached_node", attachedTo);
    extra.put("model_arg", modelArg);
    // a custom name is unique per tested node and column, not per project: the id tells them apart
    String hashed =
        name + "\u0000" + attachedTo + "\u0000" + column + "\u0000" + new java.util.TreeMap<>(args);
    return new Node(
        "test." + pkg + "." + name + "." + GenericTestNames.hash(hashed),
        ResourceType.TEST,
        pkg,
        name,
        null,
        List.copyOf(fqn),
        path,
        file.path(),
        null,
        config,
        null,
        List.of(),
        refs,
        sources,
        List.of(attachedTo),
        null,
        t.span(),
        extra);
  }
}
