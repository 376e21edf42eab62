package dev.dbtls.project.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.dbtls.project.Span;
import dev.dbtls.project.schema.SchemaViolation.Kind;
import dev.dbtls.project.yaml.YamlList;
import dev.dbtls.project.yaml.YamlMap;
import dev.dbtls.project.yaml.YamlNode;
import dev.dbtls.project.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates a YAML tree against one of dbt's JSON schemas and sorts each violation as dbt 1.10+
 * does (core/dbt/jsonschemas): unknown top-level keys, custom keys in configs, custom keys in
 * entries, configs written beside {@code config:} or without their {@code +}, and the rest.
 *
 * <p>The validator reports every failing branch of an {@code anyOf}/{@code oneOf}; only the
 * branches the value's type fits are kept (a string is not checked against the object branch, nor
 * any value against the {@code null} of a nullable property), and when none fits one type error
 * stands for them all. Values with Jinja are not judged: dbt renders them before it validates.
 * Never throws.
 */
public final class SchemaValidator {

  /** The config trees of dbt_project.yml, whose unknown keys are folders or misplaced configs. */
  private static final Set<String> HIERARCHICAL =
      Set.of(
          "seeds",
          "sources",
          "models",
          "snapshots",
          "tests",
          "exposures",
          "data_tests",
          "metrics",
          "saved-queries",
          "saved_queries",
          "semantic-models",
          "semantic_models",
          "unit_tests",
          "functions",
          "analyses");

  private SchemaValidator() {}

  /** One error of the library, with its paths as lists. */
  private record Err(
      String keyword,
      List<Object> instance,
      List<String> eval,
      String location,
      JsonNode schemaNode,
      String property,
      String message) {}

  /** The node at an instance path ({@link SchemaViolation#path()}), or null. */
  public static YamlNode nodeAt(YamlNode root, List<Object> path) {
    return YamlJson.at(root, path);
  }

  /** The violations of a whole file against {@code schema}; empty for an empty file. */
  public static List<SchemaViolation> validate(DbtSchema schema, YamlNode root) {
    if (root == null) {
      return List.of();
    }
    try {
      return check(schema, root, List.of());
    } catch (RuntimeException e) {
      // a schema the library cannot evaluate must not cost the user the file's other problems
      return List.of();
    }
  }

  /**
   * The violations of profiles.yml: each target under a profile's {@code outputs} against the
   * schema of its adapter; targets of adapters the schema does not describe are left alone.
   */
  public static List<SchemaViolation> validateProfiles(YamlNode root) {
    List<SchemaViolation> out = new ArrayList<>();
    if (!(root instanceof YamlMap profiles)) {
      return out;
    }
    try {
      Set<String> adapters = profileAdapters();
      for (Map.Entry<String, YamlNode> profile : profiles.entries().entrySet()) {
        if (profile.getKey().equals("config") || !(profile.getValue() instanceof YamlMap p)) {
          continue;
        }
        for (Map.Entry<String, YamlNode> target : p.map("outputs").entries().entrySet()) {
          if (target.getValue() instanceof YamlMap t && adapters.contains(t.string("type"))) {
            // adapters take more keys than the schema lists (dbt-postgres's dbname, ...):
            // only wrong values are reported
            for (SchemaViolation v :
                check(
                    DbtSchema.PROFILE_TARGET,
                    t,
                    List.of(profile.getKey(), "outputs", target.getKey()))) {
              if (v.kind() == Kind.GENERIC) {
                out.add(v);
              }
            }
          }
        }
      }
    } catch (RuntimeException e) {
      return List.of();
    }
    return out;
  }

  private static Set<String> profileAdapters() {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode branch : DbtSchema.PROFILE_TARGET.root().path("oneOf")) {
      for (JsonNode v : branch.path("properties").path("type").path("enum")) {
        out.add(v.asText());
      }
    }
    return out;
  }

  private static List<SchemaViolation> check(DbtSchema schema, YamlNode root, List<Object> base) {
    List<Error> raw = schema.compiled().validate(YamlJson.toJson(root));
    if (raw.isEmpty()) {
      return List.of();
    }
    List<Err> errs = new ArrayList<>();
    for (Error e : raw) {
      errs.add(
          new Err(
              e.getKeyword(),
              elements(e.getInstanceLocation()),
              names(e.getEvaluationPath()),
              fragment(String.valueOf(e.getSchemaLocation())),
              e.getSchemaNode(),
              e.getProperty(),
              e.getMessage()));
    }
    errs = dropCombinatorSummaries(errs);
    errs = keepFittingBranches(errs, root);
    errs.removeIf(e -> YamlJson.isJinja(YamlJson.at(root, e.instance)));
    errs = mergeEnums(errs, root);
    List<SchemaViolation> out = new ArrayList<>();
    for (Err e : errs) {
      SchemaViolation v = classify(schema, root, e, base);
      if (v != null) {
        List<Object> path = new ArrayList<>(base);
        path.addAll(v.path());
        out.add(new SchemaViolation(v.kind(), List.copyOf(path), v.key(), v.span(), v.message()));
      }
    }
    out.sort(
        Comparator.comparingInt((SchemaViolation v) -> v.span().startLine())
            .thenComparingInt(v -> v.span().startColumn()));
    return out;
  }

  // ---- the library's paths

  private static List<Object> elements(NodePath path) {
    List<Object> out = rootToLeaf(path);
    for (int i = 0; i < out.size(); i++) {
      Object o = out.get(i);
      out.set(i, o instanceof Number n ? (Object) n.intValue() : String.valueOf(o));
    }
    return out;
  }

  private static List<String> names(NodePath path) {
    List<Object> elements = rootToLeaf(path);
    List<String> out = new ArrayList<>(elements.size());
    for (Object o : elements) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  /**
   * The path's elements from its root to its leaf, each read once, from the leaf up: NodePath finds
   * its i-th element by counting to the root and walking there, so reading them by index cost ~0.25
   * s of CPU in a 10k-model `dbtls check` whose every property file has findings.
   */
  private static List<Object> rootToLeaf(NodePath path) {
    List<Object> out = new ArrayList<>();
    for (NodePath p = path; p != null; p = p.getParent()) {
      Object element = p.getElement(-1);
      if (element != null) {
        out.add(element);
      }
    }
    java.util.Collections.reverse(out);
    return out;
  }

  /** The JSON pointer after {@code #} of an absolute schema location. */
  private static String fragment(String location) {
    int hash = location.indexOf('#');
    return hash < 0 ? "" : location.substring(hash + 1);
  }

  // ---- anyOf / oneOf

  /** "Must be valid to one and only one schema, but 0 are valid": its branches say why. */
  private static List<Err> dropCombinatorSummaries(List<Err> errs) {
    List<Err> out = new ArrayList<>();
    for (Err e : errs) {
      boolean summary = false;
      if (e.keyword.equals("oneOf") || e.keyword.equals("anyOf")) {
        for (Err other : errs) {
          if (other != e && startsWith(other.eval, e.eval) && other.eval.size() > e.eval.size()) {
            summary = true;
            break;
          }
        }
      }
      if (!summary) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  /**
   * One anyOf/oneOf as evaluated on one value; its hash made once, as it is looked up for every
   * error of every choice.
   */
  private static final class Choice {
    final List<String> prefix;
    final List<Object> instance;
    private final int hash;

    Choice(List<String> prefix, List<Object> instance) {
      this.prefix = prefix;
      this.instance = instance;
      this.hash = 31 * prefix.hashCode() + instance.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Choice c
          && hash == c.hash
          && prefix.equals(c.prefix)
          && instance.equals(c.instance);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** The anyOf/oneOf branches an error went through, each with the branch it is in. */
  private static Map<Choice, Integer> choices(Err e) {
    Map<Choice, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < e.eval.size(); i++) {
      String s = e.eval.get(i);
      if ((s.equals("anyOf") || s.equals("oneOf")) && isIndex(e.eval.get(i + 1))) {
        int deeper = instanceSteps(e.eval, i + 2);
        if (deeper <= e.instance.size()) {
          List<Object> at = e.instance.subList(0, e.instance.size() - deeper);
          out.put(
              new Choice(List.copyOf(e.eval.subList(0, i + 1)), List.copyOf(at)),
              Integer.parseInt(e.eval.get(i + 1)));
        }
      }
    }
    return out;
  }

  private static boolean isIndex(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** How many instance levels an evaluation path descends from {@code from} (its keyword aside). */
  private static int instanceSteps(List<String> eval, int from) {
    int steps = 0;
    int last = eval.size() - 1;
    for (int i = from; i < last; i++) {
      switch (eval.get(i)) {
        case "properties", "patternProperties" -> {
          steps++;
          i++;
        }
        case "additionalProperties", "additionalItems", "contains", "propertyNames" -> steps++;
        case "items" -> {
          steps++;
          if (i + 1 < last && isIndex(eval.get(i + 1))) {
            i++;
          }
        }
        case "anyOf", "oneOf", "allOf", "dependencies", "definitions" -> i++;
        default -> {}
      }
    }
    return steps;
  }

  private static List<Err> keepFittingBranches(List<Err> errs, YamlNode root) {
    List<Err> pool = new ArrayList<>(errs);
    Map<Err, Map<Choice, Integer>> through = new java.util.IdentityHashMap<>();
    Set<Choice> all = new LinkedHashSet<>();
    for (Err e : pool) {
      Map<Choice, Integer> c = choices(e);
      through.put(e, c);
      all.addAll(c.keySet());
    }
    if (all.isEmpty()) {
      return pool;
    }
    List<Choice> order = new ArrayList<>(all);
    // the innermost first, so that what stands for an inner choice is judged by the outer one
    order.sort(
        Comparator.comparingInt((Choice c) -> -c.prefix.size())
            .thenComparingInt(c -> -c.instance.size()));
    for (Choice c : order) {
      Map<Integer, List<Err>> branches = new TreeMap<>();
      for (Err e : pool) {
        Integer b = through.computeIfAbsent(e, SchemaValidator::choices).get(c);
        if (b != null) {
          branches.computeIfAbsent(b, k -> new ArrayList<>()).add(e);
        }
      }
      if (branches.isEmpty()) {
        continue;
      }
      List<Integer> unfit = new ArrayList<>();
      for (Map.Entry<Integer, List<Err>> b : branches.entrySet()) {
        if (unfitting(b.getValue(), c.instance)) {
          unfit.add(b.getKey());
        }
      }
      if (unfit.size() < branches.size()) {
        // of the branches that fit, one that wants a key the value lacks is another form
        List<Integer> lacking = new ArrayList<>();
        for (Map.Entry<Integer, List<Err>> b : branches.entrySet()) {
          if (!unfit.contains(b.getKey()) && lacksRequired(b.getValue(), c.instance)) {
            lacking.add(b.getKey());
          }
        }
        if (lacking.size() < branches.size() - unfit.size()) {
          unfit.addAll(lacking);
        }
        // and of those left, the ones the value breaks least (ties all stay: enums are merged)
        int least = Integer.MAX_VALUE;
        for (Map.Entry<Integer, List<Err>> b : branches.entrySet()) {
          if (!unfit.contains(b.getKey())) {
            least = Math.min(least, b.getValue().size());
          }
        }
        for (Map.Entry<Integer, List<Err>> b : branches.entrySet()) {
          if (!unfit.contains(b.getKey()) && b.getValue().size() > least) {
            unfit.add(b.getKey());
          }
        }
        List<Err> gone = new ArrayList<>();
        for (Integer b : unfit) {
          gone.addAll(branches.get(b));
        }
        removeEach(pool, gone);
      } else {
        List<Err> members = new ArrayList<>();
        branches.values().forEach(members::addAll);
        removeEach(pool, members);
        pool.add(standIn(c, members, root));
      }
    }
    return pool;
  }

  /**
   * Removes each of {@code gone} (errors of {@code pool}) by identity: a record's equals compares
   * its schema node deeply, and List.removeAll ran it for every pair.
   */
  private static void removeEach(List<Err> pool, List<Err> gone) {
    Set<Err> drop = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    drop.addAll(gone);
    pool.removeIf(drop::contains);
  }

  /** A branch whose type the value does not have, or whose {@code type:} tag it does not carry. */
  private static boolean unfitting(List<Err> branch, List<Object> instance) {
    for (Err e : branch) {
      if (e.keyword.equals("type") && e.instance.equals(instance)) {
        return true;
      }
      if ((e.keyword.equals("enum") || e.keyword.equals("const"))
          && e.instance.size() == instance.size() + 1
          && e.instance.subList(0, instance.size()).equals(instance)
          && "type".equals(e.instance.get(instance.size()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean lacksRequired(List<Err> branch, List<Object> instance) {
    for (Err e : branch) {
      if (e.keyword.equals("required") && e.instance.equals(instance)) {
        return true;
      }
    }
    return false;
  }

  /** One error for a choice no branch of which fits the value. */
  private static Err standIn(Choice c, List<Err> members, YamlNode root) {
    List<String> eval = new ArrayList<>(c.prefix.subList(0, c.prefix.size() - 1));
    Set<String> types = new LinkedHashSet<>();
    Set<String> tags = new LinkedHashSet<>();
    for (Err e : members) {
      if (e.keyword.equals("type") && e.instance.equals(c.instance) && e.schemaNode != null) {
        if (e.schemaNode.isArray()) {
          e.schemaNode.forEach(t -> types.add(t.asText()));
        } else {
          types.add(e.schemaNode.asText());
        }
      } else if (e.keyword.equals("enum") && e.schemaNode != null) {
        e.schemaNode.forEach(t -> tags.add(t.asText()));
      }
    }
    YamlNode value = YamlJson.at(root, c.instance);
    if (types.isEmpty() && !tags.isEmpty()) {
      List<Object> at = new ArrayList<>(c.instance);
      at.add("type");
      YamlNode tag = YamlJson.at(root, at);
      eval.add("enum");
      return new Err(
          "enum",
          at,
          eval,
          "",
          null,
          null,
          quote(tag) + " is not one of " + String.join(", ", tags));
    }
    eval.add("type");
    com.fasterxml.jackson.databind.node.ArrayNode expected =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    types.forEach(expected::add);
    return new Err(
        "type",
        c.instance,
        eval,
        "",
        expected,
        null,
        "expected " + String.join(" or ", types) + ", found " + typeOf(value));
  }

  private static List<Err> mergeEnums(List<Err> errs, YamlNode root) {
    Map<List<Object>, Set<String>> values = new LinkedHashMap<>();
    for (Err e : errs) {
      if (e.keyword.equals("enum") && e.schemaNode != null && e.schemaNode.isArray()) {
        Set<String> v = values.computeIfAbsent(e.instance, k -> new LinkedHashSet<>());
        e.schemaNode.forEach(t -> v.add(t.asText()));
      }
    }
    List<Err> out = new ArrayList<>();
    Set<List<Object>> done = new LinkedHashSet<>();
    for (Err e : errs) {
      if (e.keyword.equals("enum") && values.containsKey(e.instance)) {
        if (done.add(e.instance)) {
          out.add(
              new Err(
                  "enum",
                  e.instance,
                  e.eval,
                  e.location,
                  null,
                  null,
                  quote(YamlJson.at(root, e.instance))
                      + " is not one of "
                      + String.join(", ", values.get(e.instance))));
        }
      } else {
        out.add(e);
      }
    }
    return out;
  }

  // ---- classification, dbt's way

  private static SchemaViolation classify(
      DbtSchema schema, YamlNode root, Err e, List<Object> base) {
    List<Object> path = e.instance;
    List<Object> full = new ArrayList<>(base);
    full.addAll(path);
    if (e.keyword.equals("additionalProperties") && e.property != null) {
      String key = e.property;
      Span span = keySpan(root, path, key);
      if (full.isEmpty()) {
        return new SchemaViolation(
            Kind.CUSTOM_TOP_LEVEL_KEY, path, key, span, "unexpected top-level key '" + key + "'");
      }
      Object last = path.isEmpty() ? null : path.get(path.size() - 1);
      if (schema == DbtSchema.PROPERTIES && isSourceEntry(path)) {
        if (key.equals("dataset") || key.equals("project")) {
          return null; // BigQuery's names for database and schema, accepted by dbt
        }
        if (key.equals("overrides")) {
          return null; // its own deprecation, source-override-deprecation
        }
      }
      if (key.equals("type_params")) {
        return null; // metrics of the v1 spec, which dbt Core keeps accepting
      }
      if ("config".equals(last)) {
        return new SchemaViolation(
            Kind.CUSTOM_KEY_IN_CONFIG,
            path,
            key,
            span,
            "custom key '" + key + "' in " + SchemaViolation.pathText(full));
      }
      String parent =
          e.location.endsWith("/additionalProperties")
              ? e.location.substring(0, e.location.length() - "/additionalProperties".length())
              : null;
      if (parent != null && configFields(schema, parent).contains(key)) {
        return new SchemaViolation(
            Kind.PROPERTY_MOVED_TO_CONFIG,
            path,
            key,
            span,
            "'"
                + key
                + "' is a config: it belongs under config: in "
                + SchemaViolation.pathText(full));
      }
      if ("/definitions/CustomTestInner".equals(parent)
          || "/definitions/CustomTestMultiKey".equals(parent)) {
        return new SchemaViolation(
            Kind.MISSING_ARGUMENTS_PROPERTY,
            path,
            key,
            span,
            "test argument '"
                + key
                + "' not under arguments: in "
                + SchemaViolation.pathText(full));
      }
      return new SchemaViolation(
          Kind.CUSTOM_KEY_IN_OBJECT,
          path,
          key,
          span,
          "unexpected key '" + key + "' in " + SchemaViolation.pathText(full));
    }
    if (schema == DbtSchema.PROJECT
        && e.keyword.equals("type")
        && path.size() >= 2
        && HIERARCHICAL.contains(String.valueOf(path.get(0)))
        && path.get(path.size() - 1) instanceof String key
        && e.eval.size() >= 3
        && e.eval.get(e.eval.size() - 3).equals("additionalProperties")
        && e.schemaNode != null
        && e.schemaNode.asText().equals("object")) {
      // a key that is neither a known +config nor a folder holding configs
      List<Object> holder = path.subList(0, path.size() - 1);
      Span span = keySpan(root, holder, key);
      Set<String> known = projectConfigKeys(e.location);
      if (!key.startsWith("+") && known.contains("+" + key)) {
        return new SchemaViolation(
            Kind.MISSING_PLUS_PREFIX,
            List.copyOf(holder),
            key,
            span,
            "config '" + key + "' without its '+' in " + SchemaViolation.pathText(holder));
      }
      return new SchemaViolation(
          Kind.CUSTOM_KEY_IN_CONFIG,
          List.copyOf(holder),
          key,
          span,
          "custom config '" + key + "' in " + SchemaViolation.pathText(holder));
    }
    YamlNode node = YamlJson.at(root, path);
    String where = full.isEmpty() ? "" : " at " + SchemaViolation.pathText(full);
    return switch (e.keyword) {
      case "type" -> {
        String message =
            e.message.startsWith("expected ")
                ? e.message
                : "expected " + expected(e.schemaNode) + ", found " + typeOf(node);
        yield new SchemaViolation(Kind.GENERIC, path, null, valueSpan(root, path), message + where);
      }
      case "enum" ->
          new SchemaViolation(Kind.GENERIC, path, null, valueSpan(root, path), e.message + where);
      case "required" ->
          new SchemaViolation(
              Kind.GENERIC,
              path,
              null,
              entrySpan(root, path),
              "missing required key '" + e.property + "'" + where);
      default ->
          new SchemaViolation(Kind.GENERIC, path, null, valueSpan(root, path), e.message + where);
    };
  }

  private static boolean isSourceEntry(List<Object> path) {
    return path.size() == 2 && "sources".equals(path.get(0)) && path.get(1) instanceof Integer;
  }

  /** The configs an entry's {@code config:} takes: its schema's config definition's keys. */
  private static Set<String> configFields(DbtSchema schema, String entryPointer) {
    JsonNode doc = schema.document();
    JsonNode config = resolve(doc, doc.at(entryPointer).path("properties").path("config"));
    Set<String> out = new LinkedHashSet<>();
    config.path("properties").fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** The keys of the dbt_project.yml config definition a type error was reported against. */
  private static Set<String> projectConfigKeys(String typeLocation) {
    Set<String> out = new LinkedHashSet<>();
    if (typeLocation.endsWith("/type")) {
      JsonNode doc = DbtSchema.PROJECT.document();
      JsonNode def = doc.at(typeLocation.substring(0, typeLocation.length() - "/type".length()));
      def.path("properties").fieldNames().forEachRemaining(out::add);
    }
    return out;
  }

  /** A schema node with its {@code $ref}s and nullable {@code anyOf}s followed. */
  static JsonNode resolve(JsonNode doc, JsonNode node) {
    for (int guard = 0; guard < 16 && node != null; guard++) {
      if (node.has("$ref")) {
        String ref = node.get("$ref").asText();
        node = ref.startsWith("#") ? doc.at(ref.substring(1)) : null;
      } else if (node.has("anyOf") && !node.has("properties")) {
        JsonNode pick = null;
        for (JsonNode alt : node.get("anyOf")) {
          if (!"null".equals(alt.path("type").asText())) {
            pick = alt;
            break;
          }
        }
        node = pick;
      } else {
        return node;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  // ---- where to show it

  private static Span keySpan(YamlNode root, List<Object> holder, String key) {
    YamlNode n = YamlJson.at(root, holder);
    if (n instanceof YamlMap m && m.has(key)) {
      return m.keySpan(key);
    }
    return entrySpan(root, holder);
  }

  /** A value: its own span when a scalar, its key's when a mapping or list under a key. */
  private static Span valueSpan(YamlNode root, List<Object> path) {
    YamlNode n = YamlJson.at(root, path);
    if (n instanceof YamlScalar) {
      return n.span();
    }
    return entrySpan(root, path);
  }

  /** A mapping or list as one line: the key it stands under, or its first key in a list. */
  private static Span entrySpan(YamlNode root, List<Object> path) {
    YamlNode n = YamlJson.at(root, path);
    if (!path.isEmpty() && path.get(path.size() - 1) instanceof String key) {
      YamlNode parent = YamlJson.at(root, path.subList(0, path.size() - 1));
      if (parent instanceof YamlMap m && m.has(key)) {
        return m.keySpan(key);
      }
    }
    if (n instanceof YamlMap m && !m.keySpans().isEmpty()) {
      return m.keySpans().values().iterator().next();
    }
    if (n instanceof YamlList l && !l.items().isEmpty()) {
      return entrySpan(l.items().get(0), List.of());
    }
    if (n != null) {
      Span s = n.span();
      return new Span(s.startLine(), s.startColumn(), s.startLine(), s.startColumn());
    }
    return Span.NONE;
  }

  private static String expected(JsonNode types) {
    if (types == null) {
      return "another type";
    }
    if (types.isArray()) {
      List<String> out = new ArrayList<>();
      types.forEach(t -> out.add(t.asText()));
      return String.join(" or ", out);
    }
    return types.asText();
  }

  private static String typeOf(YamlNode n) {
    if (n instanceof YamlMap) {
      return "a mapping";
    }
    if (n instanceof YamlList) {
      return "a list";
    }
    Object v = n instanceof YamlScalar s ? s.value() : null;
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean) {
      return "boolean " + v;
    }
    if (v instanceof Number) {
      return "number " + v;
    }
    return "string '" + v + "'";
  }

  private static String quote(YamlNode n) {
    return n == null ? "value" : "'" + (n.text() == null ? "null" : n.text()) + "'";
  }
}
