package dev.dbtls.project.properties;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.SemanticElement.Kind;
import dev.dbtls.project.yaml.YamlList;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Semantic Layer's entries of a property file, read as dbt 1.12 reads them: {@code
 * semantic_models:}, {@code metrics:} (with {@code type_params}, or the newer YAML without), {@code
 * saved_queries:}, and the newer YAML on a model entry ({@code semantic_model:}, columns' {@code
 * entity:}/{@code dimension:}, {@code derived_semantics:}, {@code metrics:}). An entry without a
 * name is a located problem and skipped.
 */
final class SemanticLayerReader {
  private final String path;
  private final List<Problem> problems;

  SemanticLayerReader(String path, List<Problem> problems) {
    this.path = path;
    this.problems = problems;
  }

  private void problem(YamlNode at, String message) {
    problems.add(Problem.at(path, at.span(), ProblemCode.YAML_SCHEMA, message));
  }

  private String named(YamlMap m, String what) {
    String name = m.string("name");
    if (name == null || name.isBlank()) {
      problem(m, "this " + what + " has no 'name'");
      return null;
    }
    return name;
  }

  private static Span nameSpan(YamlMap m) {
    YamlNode n = m.get("name");
    return n == null ? m.span() : n.span();
  }

  private static Span at(YamlMap m, String key) {
    YamlNode n = m.get(key);
    return n == null ? m.span() : n.span();
  }

  /** The mappings of a list; anything else in it is skipped (reported by the caller's reader). */
  private static List<YamlMap> maps(YamlNode n) {
    return n instanceof YamlList l ? l.maps() : List.of();
  }

  // ---- semantic_models: ------------------------------------------------------------------------

  SemanticModelSpec semanticModel(YamlMap m) {
    String name = named(m, "semantic model");
    if (name == null) {
      return null;
    }
    String model = m.string("model");
    if (model == null || model.isBlank()) {
      problem(nameOrEntry(m), "semantic model '" + name + "' has no 'model' (ref('a_model'))");
    }
    List<SemanticElement> entities = new ArrayList<>();
    List<SemanticElement> dimensions = new ArrayList<>();
    List<SemanticElement> measures = new ArrayList<>();
    elements(m.get("entities"), Kind.ENTITY, "semantic model '" + name + "'", entities);
    elements(m.get("dimensions"), Kind.DIMENSION, "semantic model '" + name + "'", dimensions);
    elements(m.get("measures"), Kind.MEASURE, "semantic model '" + name + "'", measures);
    return new SemanticModelSpec(
        name,
        m.string("description"),
        m.string("label"),
        model,
        at(m, "model"),
        m.plainMap("config"),
        m.map("defaults").string("agg_time_dimension"),
        m.string("primary_entity"),
        List.copyOf(entities),
        List.copyOf(dimensions),
        List.copyOf(measures),
        false,
        path,
        m.span(),
        nameSpan(m));
  }

  private YamlNode nameOrEntry(YamlMap m) {
    return m.get("name") != null ? m.get("name") : m;
  }

  private void elements(YamlNode list, Kind kind, String owner, List<SemanticElement> out) {
    for (YamlMap e : maps(list)) {
      String name = e.string("name");
      if (name == null || name.isBlank()) {
        problem(e, "this " + kind.dbtName() + " of " + owner + " has no 'name'");
        continue;
      }
      YamlNode expr = e.get("expr");
      String exprText = expr instanceof YamlScalar s && s.value() != null ? expr.text() : null;
      out.add(
          new SemanticElement(
              kind,
              name,
              kind == Kind.MEASURE ? e.string("agg") : e.string("type"),
              exprText,
              kind == Kind.MEASURE && Boolean.TRUE.equals(plain(e.get("create_metric"))),
              e.string("label"),
              e.string("description"),
              nameSpan(e),
              exprText != null ? expr.span() : nameSpan(e)));
    }
  }

  private static Object plain(YamlNode n) {
    return n == null ? null : n.toPlain();
  }

  // ---- the newer YAML on a model entry (dbt 1.12) ---------------------------------------------

  /**
   * The semantic model a model entry declares with {@code semantic_model: true} or {@code
   * semantic_model: {name: ...}}, or null.
   */
  SemanticModelSpec inlineSemanticModel(YamlMap model, String modelName) {
    YamlNode sm = model.get("semantic_model");
    if (sm == null || Boolean.FALSE.equals(sm.toPlain()) || sm.toPlain() == null) {
      return null;
    }
    String name = modelName;
    Map<String, Object> config = new LinkedHashMap<>();
    Span nameSpan = model.keySpan("semantic_model");
    if (sm instanceof YamlMap m) {
      if (m.string("name") != null) {
        name = m.string("name");
        nameSpan = m.get("name").span();
      }
      config.putAll(m.plainMap("config"));
      if (m.has("enabled")) {
        config.put("enabled", m.get("enabled").toPlain());
      }
      if (m.has("group")) {
        config.put("group", m.get("group").toPlain());
      }
    }
    List<SemanticElement> entities = new ArrayList<>();
    List<SemanticElement> dimensions = new ArrayList<>();
    for (YamlMap c : maps(model.get("columns"))) {
      String column = c.string("name");
      if (column == null) {
        continue;
      }
      columnElement(c, column, "entity", Kind.ENTITY, entities);
      columnElement(c, column, "dimension", Kind.DIMENSION, dimensions);
    }
    YamlMap derived = model.map("derived_semantics");
    String owner = "semantic model '" + name + "'";
    elements(derived.get("entities"), Kind.ENTITY, owner, entities);
    elements(derived.get("dimensions"), Kind.DIMENSION, owner, dimensions);
    return new SemanticModelSpec(
        name,
        model.string("description"),
        null,
        "ref('" + modelName + "')",
        nameSpan(model),
        Map.copyOf(config),
        model.string("agg_time_dimension"),
        model.string("primary_entity"),
        List.copyOf(entities),
        List.copyOf(dimensions),
        List.of(),
        true,
        path,
        model.span(),
        nameSpan);
  }

  /** A column's {@code entity: primary} or {@code entity: {type: primary, name: x}}. */
  private static void columnElement(
      YamlMap c, String column, String key, Kind kind, List<SemanticElement> out) {
    YamlNode n = c.get(key);
    if (n == null || n.toPlain() == null) {
      return;
    }
    String name = column;
    String type = n.text();
    Span nameSpan = c.get("name").span();
    if (n instanceof YamlMap m) {
      type = m.string("type");
      if (m.string("name") != null) {
        name = m.string("name");
        nameSpan = m.get("name").span();
      }
    }
    out.add(
        new SemanticElement(
            kind,
            name,
            type,
            name.equals(column) ? null : column,
            false,
            null,
            c.string("description"),
            nameSpan,
            c.get("name").span()));
  }

  /** The metrics of a model entry (dbt 1.12): simple ones belong to its semantic model. */
  List<MetricSpec> inlineMetrics(YamlMap model, SemanticModelSpec semanticModel) {
    List<MetricSpec> out = new ArrayList<>();
    for (YamlMap m : maps(model.get("metrics"))) {
      MetricSpec metric = metric(m, semanticModel == null ? null : semanticModel.name());
      if (metric != null) {
        out.add(metric);
      }
    }
    return out;
  }

  // ---- metrics: -------------------------------------------------------------------------------

  MetricSpec metric(YamlMap m, String semanticModel) {
    String name = named(m, "metric");
    if (name == null) {
      return null;
    }
    String type = m.string("type") == null ? "simple" : m.string("type");
    List<NamedRef> measures = new ArrayList<>();
    List<NamedRef> metrics = new ArrayList<>();
    if (m.has("type_params")) {
      YamlMap p = m.map("type_params");
      input(p.get("measure"), measures);
      input(p.get("numerator"), metrics);
      input(p.get("denominator"), metrics);
      for (YamlNode i : p.list("metrics").items()) {
        input(i, metrics);
      }
      YamlMap conversion = p.map("conversion_type_params");
      input(conversion.get("base_measure"), measures);
      input(conversion.get("conversion_measure"), measures);
    } else {
      input(m.get("input_metric"), metrics);
      input(m.get("numerator"), metrics);
      input(m.get("denominator"), metrics);
      for (YamlNode i : m.list("input_metrics").items()) {
        input(i, metrics);
      }
      input(m.get("base_metric"), metrics);
      input(m.get("conversion_metric"), metrics);
    }
    return new MetricSpec(
        name,
        m.string("label"),
        type,
        m.string("description"),
        List.copyOf(measures),
        List.copyOf(metrics),
        "simple".equals(type) && !m.has("type_params") ? semanticModel : null,
        m.plainMap("config"),
        m.strings("tags"),
        path,
        m.span(),
        nameSpan(m));
  }

  /** A metric input or input measure: a name, or a mapping with {@code name}. */
  private static void input(YamlNode n, List<NamedRef> out) {
    if (n instanceof YamlScalar s && s.value() != null) {
      out.add(new NamedRef(n.text(), n.span()));
    } else if (n instanceof YamlMap m && m.get("name") instanceof YamlScalar s) {
      out.add(new NamedRef(s.toPlain() == null ? null : m.string("name"), s.span()));
    }
  }

  // ---- saved_queries: -------------------------------------------------------------------------

  SavedQuerySpec savedQuery(YamlMap m) {
    String name = named(m, "saved query");
    if (name == null) {
      return null;
    }
    YamlMap params = m.map("query_params");
    List<NamedRef> metrics = new ArrayList<>();
    for (YamlNode i : params.list("metrics").items()) {
      input(i, metrics);
    }
    List<String> exports = new ArrayList<>();
    for (YamlMap e : maps(m.get("exports"))) {
      if (e.string("name") != null) {
        exports.add(e.string("name"));
      }
    }
    return new SavedQuerySpec(
        name,
        m.string("label"),
        m.string("description"),
        List.copyOf(metrics),
        params.strings("group_by"),
        List.copyOf(exports),
        m.plainMap("config"),
        m.strings("tags"),
        path,
        m.span(),
        nameSpan(m));
  }
}
