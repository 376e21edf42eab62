package dev.dbtls.index;

import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.ColumnSpec;
import java.util.List;
import java.util.Map;

/**
 * A node of the project graph: model, seed, snapshot, analysis, test, source table or exposure,
 * with its final config (project file < property YAML < in-file config), relation name and the
 * unique ids it depends on.
 */
public record Node(
    String uniqueId,
    ResourceType type,
    String packageName,
    String name,
    String version,
    List<String> fqn,
    String originalFilePath,
    String displayPath,
    ProjectFile file,
    Map<String, Object> config,
    String description,
    List<ColumnSpec> columns,
    List<RefCall> refs,
    List<SourceCall> sources,
    List<String> dependsOn,
    RelationName relation,
    Span span,
    Map<String, Object> extra) {

  public Node {
    config = dev.dbtls.project.Shared.config(config); // one map for nodes configured alike
    extra = dev.dbtls.project.Shared.frozen(extra);
    refs = readOnly(refs);
    sources = readOnly(sources);
  }

  /**
   * A read-only copy sized to its elements (itself when read-only already): a builder's lists had
   * room for ten, and most of a project's 338,000 data tests and models have no source and one or
   * two refs.
   */
  private static <T> List<T> readOnly(List<T> l) {
    return l == null ? null : List.copyOf(l);
  }

  /** Set in {@code extra} when the scanner found a Jinja syntax error in the node's file. */
  public static final String JINJA_SYNTAX_ERROR = "jinja_syntax_error";

  /**
   * Set in {@code extra} when a parse render decides the node's refs, sources or config (what the
   * scanner found was not literal, or sits in a macro that refs): only such a node may change when
   * a macro's body does ({@link MacroUpdate}).
   */
  public static final String PARSE_RENDERED = "parse_rendered";

  /**
   * Set in {@code extra} to the display path of the property YAML that declares the node, if any.
   */
  public static final String PROPERTIES_FILE = "properties_file";

  /**
   * Set in {@code extra} to the {@code function('…')} calls of the node's file, as {@link RefCall}s
   * without a version (dbt 1.11's user-defined functions).
   */
  public static final String FUNCTIONS = "functions";

  /** Set in a function's {@code extra} to its {@code FunctionSpec} (arguments, return type). */
  public static final String FUNCTION_SPEC = "function_spec";

  /**
   * Set in {@code extra} of a node without a SQL file of its own to the template it compiles (a
   * snapshot defined in YAML: {@code select * from {{ ref('x') }}}).
   */
  public static final String RAW_CODE = "raw_code";

  /** Set in {@code extra} of a semantic model, metric or saved query to its spec. */
  public static final String SEMANTIC_SPEC = "semantic_spec";

  /** Set in a unit test's {@code extra} to its {@code UnitTestSpec}. */
  public static final String UNIT_TEST = "unit_test";

  /** Set in a unit test's {@code extra} to the unique id of the model it tests. */
  public static final String TESTED_NODE = "tested_node";

  public boolean enabled() {
    Object e = config.get("enabled");
    return !Boolean.FALSE.equals(e)
        && !(e instanceof String s && s.strip().equalsIgnoreCase("false"));
  }

  public String materialized() {
    Object m = config.get("materialized");
    return m == null ? null : String.valueOf(m);
  }

  @SuppressWarnings("unchecked")
  public List<String> tags() {
    Object t = config.get("tags");
    if (t instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return t == null ? List.of() : List.of(String.valueOf(t));
  }

  /** The {@code function('…')} calls of the node's file. */
  @SuppressWarnings("unchecked")
  public List<RefCall> functionCalls() {
    Object f = extra.get(FUNCTIONS);
    return f instanceof List<?> l ? (List<RefCall>) l : List.of();
  }

  public Node with(Map<String, Object> newConfig, RelationName newRelation, List<String> newDeps) {
    return copy(file, newConfig, newRelation, newDeps);
  }

  /** This node with {@code newFile} as its file (the same path, read again). */
  public Node withFile(ProjectFile newFile) {
    return copy(newFile, config, relation, dependsOn);
  }

  private Node copy(
      ProjectFile newFile,
      Map<String, Object> newConfig,
      RelationName newRelation,
      List<String> newDeps) {
    return new Node(
        uniqueId,
        type,
        packageName,
        name,
        version,
        fqn,
        originalFilePath,
        displayPath,
        newFile,
        newConfig,
        description,
        columns,
        refs,
        sources,
        newDeps,
        newRelation,
        span,
        extra);
  }
}
