package dev.dbtls.index;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.UnitTestSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node for every unit test of the property files ({@code unit_test.<package>.<model>.<name>},
 * dbt's id), made once the models are linked: it depends on the model it tests, one per version of
 * a versioned model ({@code versions: include/exclude}). A unit test dbt would refuse (its model or
 * an input missing, an input that is no ref, source or this) is a located problem and no node.
 */
final class UnitTestParser {
  private static final String SPEC = Node.UNIT_TEST;
  private static final String MODEL = Node.TESTED_NODE;

  private final PropertyIndex properties;
  private final Descriptions descriptions;
  private final List<Problem> problems;

  UnitTestParser(ParseContext c, Descriptions descriptions) {
    this.properties = c.properties;
    this.descriptions = descriptions;
    this.problems = c.problems;
  }

  /** The unit tests, with {@code linked} (the models linked so far) asked for only when any. */
  List<Node> unitTests(java.util.function.Supplier<Manifest> linked) {
    return properties.unitTests.isEmpty() ? List.of() : unitTests(linked.get());
  }

  private List<Node> unitTests(Manifest linked) {
    List<Node> out = new ArrayList<>();
    for (PropertyIndex.Owned<UnitTestSpec> o : properties.unitTests) {
      UnitTestSpec u = o.spec();
      List<Node> models =
          linked.refableByName().getOrDefault(u.model(), List.of()).stream()
              .filter(n -> n.type() == ResourceType.MODEL)
              .filter(n -> n.packageName().equals(o.packageName()))
              .filter(n -> versionIncluded(u, n.version()))
              .toList();
      if (models.isEmpty()) {
        problem(
            o,
            u.nameSpan(),
            "unit test '"
                + u.name()
                + "': no model named '"
                + u.model()
                + "' in package '"
                + o.packageName()
                + "'"
                + (u.versionsInclude().isEmpty() && u.versionsExclude().isEmpty()
                    ? DidYouMean.suffix(u.model(), linked.refableNames())
                    : " with the versions it includes"));
        continue;
      }
      boolean versioned = models.stream().anyMatch(n -> n.version() != null);
      boolean selects = !u.versionsInclude().isEmpty() || !u.versionsExclude().isEmpty();
      if (!u.versionsInclude().isEmpty() && !u.versionsExclude().isEmpty()
          || selects && !versioned) {
        problem(
            o,
            u.nameSpan(),
            "unit test '"
                + u.name()
                + "': "
                + (versioned
                    ? "'versions' takes 'include' or 'exclude', not both"
                    : "'versions' is for a versioned model; '" + u.model() + "' has none"));
        continue;
      }
      if (!inputsKnown(o, linked)) {
        continue;
      }
      for (Node model : models) {
        // dbt names a versioned model's unit test after the version, one per version
        String name = model.version() != null ? u.name() + "_v" + model.version() : u.name();
        List<String> fqn = new ArrayList<>(model.fqn());
        fqn.add(name);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("enabled", true);
        config.putAll(u.config());
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(SPEC, u);
        extra.put(MODEL, model.uniqueId());
        extra.put(Node.PROPERTIES_FILE, o.file().path());
        out.add(
            new Node(
                "unit_test." + o.packageName() + "." + model.name() + "." + name,
                ResourceType.UNIT_TEST,
                o.packageName(),
                name,
                model.version(),
                List.copyOf(fqn),
                o.relativePath(),
                o.file().path(),
                null,
                config,
                descriptions.render(u.description(), o.packageName()),
                List.of(),
                List.of(),
                List.of(),
                List.of(model.uniqueId()),
                null,
                u.nameSpan(),
                extra));
      }
    }
    return out;
  }

  private static boolean versionIncluded(UnitTestSpec u, String version) {
    if (version == null) {
      return true;
    }
    return (u.versionsInclude().isEmpty() || u.versionsInclude().contains(version))
        && !u.versionsExclude().contains(version);
  }

  /** Every input is {@code this}, or a ref or source that names a node; else a problem each. */
  private boolean inputsKnown(PropertyIndex.Owned<UnitTestSpec> o, Manifest linked) {
    boolean ok = true;
    for (UnitTestSpec.Fixture f : o.spec().given()) {
      String why = unknownInput(f.input(), o.packageName(), linked);
      if (why != null) {
        problem(o, f.span(), "unit test '" + o.spec().name() + "': " + why);
        ok = false;
      }
    }
    return ok;
  }

  /** Why an input names nothing, or null when it names a node (or is {@code this}). */
  static String unknownInput(String input, String pkg, Manifest linked) {
    if (input.strip().equals("this")) {
      return null;
    }
    YamlDependency d = YamlDependency.of(input.strip());
    if (d.refs().size() + d.sources().size() != 1) {
      return "input '" + input + "' is not a ref(...), source(...) or this";
    }
    for (RefCall r : d.refs()) {
      if (linked.resolveRef(pkg, r).isEmpty()) {
        return "input "
            + r.display()
            + " matches no model, seed or snapshot"
            + DidYouMean.suffix(r.name(), linked.refableNames());
      }
    }
    for (SourceCall s : d.sources()) {
      if (linked.resolveSource(pkg, s.sourceName(), s.tableName()).isEmpty()) {
        return "input source('"
            + s.sourceName()
            + "', '"
            + s.tableName()
            + "') matches no source table";
      }
    }
    return null;
  }

  private void problem(PropertyIndex.Owned<UnitTestSpec> o, Span at, String message) {
    problems.add(Problem.at(o.file().path(), at, ProblemCode.UNIT_TEST_INVALID, message));
  }
}
