package dev.dbtls.index;

import dev.dbtls.project.Configs;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.MetricSpec;
import dev.dbtls.project.properties.NamedRef;
import dev.dbtls.project.properties.SavedQuerySpec;
import dev.dbtls.project.properties.SemanticElement;
import dev.dbtls.project.properties.SemanticModelSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Semantic Layer's nodes, made once the models are linked, with dbt's unique ids ({@code
 * semantic_model.<package>.<name>}, {@code metric.…}, {@code saved_query.…}): a semantic model
 * depends on its model (its {@code model: ref('x')} must name one), a metric on the semantic models
 * of its measures and on its input metrics, a saved query on its metrics. A name that matches
 * nothing is a located problem ({@code ref-unknown}, {@code semantic-reference-unknown}). A measure
 * with {@code create_metric: true} makes a simple metric of its name, as dbt does.
 */
final class SemanticLayerParser {
  private final ParseContext context;
  private final Descriptions descriptions;
  private final List<Problem> problems;

  SemanticLayerParser(ParseContext context, Descriptions descriptions) {
    this.context = context;
    this.descriptions = descriptions;
    this.problems = context.problems;
  }

  /**
   * The nodes, with {@code linked} (the models linked so far, asked for only when a semantic model
   * has to find its model) to resolve refs in.
   */
  List<Node> nodes(java.util.function.Supplier<Manifest> linked) {
    List<Node> out = new ArrayList<>();
    PropertyIndex p = context.properties;
    // measure name -> semantic model ids declaring it, per package
    Map<String, List<String>> measures = new HashMap<>();
    Map<String, String> semanticModelIds = new HashMap<>();
    List<PropertyIndex.Owned<MetricSpec>> metrics = new ArrayList<>(p.metrics);
    for (PropertyIndex.Owned<SemanticModelSpec> o : p.semanticModels) {
      SemanticModelSpec s = o.spec();
      String id = "semantic_model." + o.packageName() + "." + s.name();
      semanticModelIds.put(o.packageName() + "." + s.name(), id);
      for (SemanticElement m : s.measures()) {
        measures.computeIfAbsent(o.packageName() + "." + m.name(), k -> new ArrayList<>()).add(id);
        if (m.createMetric()) {
          metrics.add(
              new PropertyIndex.Owned<>(
                  o.packageName(),
                  o.file(),
                  new MetricSpec(
                      m.name(),
                      m.label() == null ? m.name() : m.label(),
                      "simple",
                      m.description() == null
                          ? "Metric created from measure " + m.name()
                          : m.description(),
                      List.of(new NamedRef(m.name(), m.nameSpan())),
                      List.of(),
                      null,
                      Map.of(),
                      List.of(),
                      s.file(),
                      m.nameSpan(),
                      m.nameSpan()),
                  o.folders(),
                  o.relativePath()));
        }
      }
      out.add(semanticModel(o, linked.get()));
    }
    java.util.Set<String> metricNames = new java.util.HashSet<>();
    metrics.forEach(o -> metricNames.add(o.packageName() + "." + o.spec().name()));
    for (PropertyIndex.Owned<MetricSpec> o : metrics) {
      MetricSpec m = o.spec();
      List<String> deps = new ArrayList<>();
      if (m.semanticModel() != null) {
        String sm = semanticModelIds.get(o.packageName() + "." + m.semanticModel());
        if (sm != null) {
          deps.add(sm);
        }
      }
      for (NamedRef measure : m.measures()) {
        List<String> ids = measures.get(o.packageName() + "." + measure.name());
        if (ids == null) {
          unknown(
              o,
              measure,
              "metric '"
                  + m.name()
                  + "' reads measure '"
                  + measure.name()
                  + "', which no semantic model declares"
                  + DidYouMean.suffix(measure.name(), names(measures, o.packageName())));
        } else {
          ids.stream().filter(id -> !deps.contains(id)).forEach(deps::add);
        }
      }
      for (NamedRef input : m.metrics()) {
        if (!metricNames.contains(o.packageName() + "." + input.name())) {
          unknown(
              o,
              input,
              "metric '"
                  + m.name()
                  + "' is made of metric '"
                  + input.name()
                  + "', which does not exist"
                  + DidYouMean.suffix(input.name(), names(metricNames, o.packageName())));
        } else {
          String id = "metric." + o.packageName() + "." + input.name();
          if (!deps.contains(id)) {
            deps.add(id);
          }
        }
      }
      Map<String, Object> config = config(ResourceType.METRIC, o, m.name(), m.config());
      if (!m.tags().isEmpty()) {
        config.putIfAbsent("tags", m.tags());
      }
      out.add(
          node(
              "metric",
              ResourceType.METRIC,
              o,
              m.name(),
              config,
              m.description(),
              List.of(),
              deps,
              m.nameSpan(),
              m));
    }
    for (PropertyIndex.Owned<SavedQuerySpec> o : p.savedQueries) {
      SavedQuerySpec q = o.spec();
      List<String> deps = new ArrayList<>();
      for (NamedRef metric : q.metrics()) {
        if (!metricNames.contains(o.packageName() + "." + metric.name())) {
          unknown(
              o,
              metric,
              "saved query '"
                  + q.name()
                  + "' queries metric '"
                  + metric.name()
                  + "', which does not exist"
                  + DidYouMean.suffix(metric.name(), names(metricNames, o.packageName())));
        } else {
          String id = "metric." + o.packageName() + "." + metric.name();
          if (!deps.contains(id)) {
            deps.add(id);
          }
        }
      }
      Map<String, Object> config = config(ResourceType.SAVED_QUERY, o, q.name(), q.config());
      if (!q.tags().isEmpty()) {
        config.putIfAbsent("tags", q.tags());
      }
      out.add(
          node(
              "saved_query",
              ResourceType.SAVED_QUERY,
              o,
              q.name(),
              config,
              q.description(),
              List.of(),
              deps,
              q.nameSpan(),
              q));
    }
    return out;
  }

  private Node semanticModel(PropertyIndex.Owned<SemanticModelSpec> o, Manifest linked) {
    SemanticModelSpec s = o.spec();
    List<String> deps = new ArrayList<>();
    List<RefCall> refs = new ArrayList<>();
    if (s.model() != null && !s.model().isBlank()) {
      YamlDependency d = YamlDependency.of(s.model());
      refs.addAll(d.refs());
      if (d.refs().isEmpty()) {
        problems.add(
            Problem.at(
                o.file().path(),
                s.modelSpan(),
                ProblemCode.YAML_SCHEMA,
                "semantic model '"
                    + s.name()
                    + "': 'model' must be a ref to a model, such as ref('orders')"));
      }
      for (RefCall r : d.refs()) {
        Optional<Node> target = linked.resolveRef(o.packageName(), r);
        if (target.isPresent()) {
          deps.add(target.get().uniqueId());
        } else {
          boolean off = linked.resolveDisabledRef(o.packageName(), r).isPresent();
          problems.add(
              Problem.at(
                  o.file().path(),
                  s.modelSpan(),
                  off ? ProblemCode.REF_DISABLED : ProblemCode.REF_UNKNOWN,
                  "semantic model '"
                      + s.name()
                      + "': "
                      + r.display()
                      + (off
                          ? " points to a disabled node"
                          : " does not match any enabled model, seed or snapshot"
                              + DidYouMean.suffix(r.name(), linked.refableNames()))));
        }
      }
    }
    return node(
        "semantic_model",
        ResourceType.SEMANTIC_MODEL,
        o,
        s.name(),
        config(ResourceType.SEMANTIC_MODEL, o, s.name(), s.config()),
        s.description(),
        refs,
        deps,
        s.nameSpan(),
        s);
  }

  /**
   * dbt_project.yml's {@code semantic-models:}, {@code metrics:}, {@code saved-queries:}, then the
   * entry's.
   */
  private Map<String, Object> config(
      ResourceType type, PropertyIndex.Owned<?> o, String name, Map<String, Object> own) {
    Map<String, Object> config =
        Configs.merge(context.configs.configFor(type, o.packageName(), fqn(o, name)), own);
    config.putIfAbsent("enabled", true);
    return config;
  }

  private static List<String> fqn(PropertyIndex.Owned<?> o, String name) {
    List<String> fqn = new ArrayList<>();
    fqn.add(o.packageName());
    fqn.addAll(o.folders());
    fqn.add(name);
    return fqn;
  }

  private Node node(
      String prefix,
      ResourceType type,
      PropertyIndex.Owned<?> o,
      String name,
      Map<String, Object> config,
      String description,
      List<RefCall> refs,
      List<String> deps,
      Span span,
      Object spec) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put(Node.SEMANTIC_SPEC, spec);
    extra.put(Node.PROPERTIES_FILE, o.file().path());
    return new Node(
        prefix + "." + o.packageName() + "." + name,
        type,
        o.packageName(),
        name,
        null,
        List.copyOf(fqn(o, name)),
        o.relativePath(),
        o.file().path(),
        null,
        config,
        descriptions.render(description, o.packageName()),
        List.of(),
        List.copyOf(refs),
        List.of(),
        List.copyOf(deps),
        null,
        span,
        extra);
  }

  private void unknown(PropertyIndex.Owned<?> o, NamedRef at, String message) {
    problems.add(
        Problem.at(o.file().path(), at.span(), ProblemCode.SEMANTIC_REFERENCE_UNKNOWN, message));
  }

  private static List<String> names(Map<String, ?> byKey, String pkg) {
    return names(byKey.keySet(), pkg);
  }

  private static List<String> names(java.util.Collection<String> keys, String pkg) {
    String prefix = pkg + ".";
    return keys.stream()
        .filter(k -> k.startsWith(prefix))
        .map(k -> k.substring(prefix.length()))
        .toList();
  }
}
