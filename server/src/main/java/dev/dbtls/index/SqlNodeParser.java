package dev.dbtls.index;

import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.Configs;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.ColumnSpec;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.VersionSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The nodes of a SQL file — a model (a version of a versioned model), an analysis, a singular test,
 * the snapshots of a snapshot file — with their configs, refs and sources: taken statically where
 * the scanner is sure, from a parse render (through {@link ManifestBuilder.DynamicParse}) where it
 * is not.
 */
final class SqlNodeParser {
  private final ProjectInputs inputs;
  private final PropertyIndex properties;
  private final List<Problem> problems;
  private final YamlRendering yaml;
  private final ProjectConfigs configs;
  private final Descriptions descriptions;
  private final java.util.Set<String> refMacros;
  private final ManifestBuilder.DynamicParse dynamicParse;
  private final Map<String, VersionFile> versionFiles;

  SqlNodeParser(ParseContext c, Descriptions descriptions, java.util.Set<String> refMacros) {
    this(c, descriptions, refMacros, versionFiles(c.inputs, c.properties));
  }

  /** {@code versionFiles}: {@link #versionFiles} of the context's inputs and properties. */
  SqlNodeParser(
      ParseContext c,
      Descriptions descriptions,
      java.util.Set<String> refMacros,
      Map<String, VersionFile> versionFiles) {
    this.inputs = c.inputs;
    this.properties = c.properties;
    this.problems = c.problems;
    this.yaml = c.yaml;
    this.configs = c.configs;
    this.dynamicParse = c.dynamicParse;
    this.descriptions = descriptions;
    this.refMacros = refMacros;
    this.versionFiles = versionFiles;
  }

  List<Node> sqlNodes(ProjectFile f, ParsedFile p) {
    return switch (f.kind()) {
      case MODEL -> models(f, p);
      case ANALYSIS ->
          List.of(
              sqlNode(
                  f,
                  p,
                  ResourceType.ANALYSIS,
                  f.stem(),
                  null,
                  null,
                  ResourcePath.of(f, inputs.project(f.packageName()).analysisPaths()),
                  Span.NONE));
      case SINGULAR_TEST ->
          List.of(
              sqlNode(
                  f,
                  p,
                  ResourceType.TEST,
                  f.stem(),
                  null,
                  null,
                  ResourcePath.of(f, inputs.project(f.packageName()).testPaths()),
                  Span.NONE));
      case SNAPSHOT -> snapshots(f, p);
      case FUNCTION ->
          List.of(
              sqlNode(
                  f,
                  p,
                  ResourceType.FUNCTION,
                  f.stem(),
                  null,
                  null,
                  ResourcePath.of(f, inputs.project(f.packageName()).functionPaths()),
                  Span.NONE));
      default -> List.of();
    };
  }

  private List<Node> models(ProjectFile f, ParsedFile p) {
    DbtProject proj = inputs.project(f.packageName());
    List<String> folders = ResourcePath.of(f, proj.modelPaths());
    VersionFile v = versionFiles.get(f.packageName() + "/" + f.stem());
    if (v != null) {
      properties.node(f.packageName(), "model", v.spec().name());
      return List.of(
          sqlNode(
              f,
              p,
              ResourceType.MODEL,
              v.spec().name(),
              v.version(),
              v.spec(),
              folders,
              Span.NONE));
    }
    return List.of(sqlNode(f, p, ResourceType.MODEL, f.stem(), null, null, folders, Span.NONE));
  }

  /**
   * Which file defines which version of a versioned model: {@code defined_in}, else {@code
   * <name>_v<v>}.
   */
  /** A model version's SQL file: its model's properties and the version. */
  record VersionFile(NodeSpec spec, VersionSpec version) {}

  /** The SQL files of model versions, by package and file stem ("pkg/stem"). */
  static Map<String, VersionFile> versionFiles(ProjectInputs inputs, PropertyIndex properties) {
    // every model file's stem, made only when a model has versions (most projects: none; an
    // edit's update made it for all 10k files)
    java.util.Set<String> stems = new java.util.HashSet<>();
    Map<String, VersionFile> out = new HashMap<>();
    for (PropertyIndex.Owned<NodeSpec> o : properties.nodes) {
      NodeSpec s = o.spec();
      if (!"model".equals(s.resourceType()) || s.versions().isEmpty()) {
        continue;
      }
      if (stems.isEmpty()) {
        inputs.files().stream()
            .filter(f -> f.kind() == FileKind.MODEL)
            .forEach(f -> stems.add(f.packageName() + "/" + f.stem()));
      }
      for (VersionSpec v : s.versions()) {
        String file = v.definedIn() != null ? v.definedIn() : s.name() + "_v" + v.v();
        String key = o.packageName() + "/" + file;
        if (!stems.contains(key) && v.v().equals(latest(s))) {
          key =
              o.packageName()
                  + "/"
                  + s.name(); // the latest version may live in the unsuffixed file
        }
        out.putIfAbsent(key, new VersionFile(s, v));
      }
    }
    return out;
  }

  static String latest(NodeSpec s) {
    if (s.latestVersion() != null) {
      return s.latestVersion();
    }
    return s.versions().stream()
        .map(VersionSpec::v)
        .max(java.util.Comparator.comparingDouble(SqlNodeParser::num))
        .orElse(null);
  }

  private static double num(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private List<Node> snapshots(ProjectFile f, ParsedFile p) {
    List<String> folders = ResourcePath.of(f, inputs.project(f.packageName()).snapshotPaths());
    if (p == null || p.facts().snapshots().isEmpty()) {
      return List.of(
          sqlNode(f, p, ResourceType.SNAPSHOT, f.stem(), null, null, folders, Span.NONE));
    }
    List<Node> out = new ArrayList<>();
    for (StaticFacts.SnapshotBlock b : p.facts().snapshots()) {
      out.add(
          sqlNode(
              f, p, ResourceType.SNAPSHOT, b.name(), null, null, folders, p.span(b.nameRange())));
    }
    return out;
  }

  private Node sqlNode(
      ProjectFile f,
      ParsedFile p,
      ResourceType type,
      String name,
      VersionSpec version,
      NodeSpec versioned,
      List<String> folders,
      Span span) {
    List<String> fqn = new ArrayList<>();
    fqn.add(f.packageName());
    fqn.addAll(folders);
    fqn.add(name);
    if (version != null) {
      fqn.add("v" + version.v());
    }
    NodeSpec spec =
        versioned != null ? versioned : properties.node(f.packageName(), type.dbtName(), name);
    Map<String, Object> config = configs.configFor(type, f.packageName(), fqn);
    if (spec != null) {
      config = Configs.merge(config, configs.specConfig(spec, f.packageName()));
    }
    if (version != null) {
      config =
          Configs.merge(
              config,
              yaml.config(
                  version.config(),
                  f.packageName(),
                  false,
                  configs.located(versioned.file(), version.span())));
    }
    List<RefCall> refs = new ArrayList<>();
    List<SourceCall> sources = new ArrayList<>();
    // the calls no if/loop guards: they run whatever the render decides
    List<RefCall> unconditionalRefs = new ArrayList<>();
    List<SourceCall> unconditionalSources = new ArrayList<>();
    Map<String, Object> fileConfig = new LinkedHashMap<>();
    boolean dynamic = false;
    if (p != null) {
      StaticFacts facts = p.facts();
      Function<Integer, Boolean> inBlock =
          offset ->
              type != ResourceType.SNAPSHOT
                  || span.equals(Span.NONE)
                  || facts.snapshots().stream()
                      .anyMatch(
                          b ->
                              b.name().equals(name)
                                  && b.whole().start() <= offset
                                  && offset <= b.whole().end());
      for (StaticFacts.RefCall r : facts.refs()) {
        if (r.dynamic() || r.name() == null) {
          dynamic = true;
        } else if (inBlock.apply(r.call().start())) {
          RefCall ref =
              new RefCall(r.packageName(), r.name(), r.version(), r.call().start(), r.call().end());
          refs.add(ref);
          if (!r.conditional()) {
            unconditionalRefs.add(ref);
          }
        }
      }
      for (StaticFacts.SourceCall s : facts.sources()) {
        if (s.dynamic() || s.sourceName() == null || s.tableName() == null) {
          dynamic = true;
        } else if (inBlock.apply(s.call().start())) {
          SourceCall source =
              new SourceCall(s.sourceName(), s.tableName(), s.call().start(), s.call().end());
          sources.add(source);
          if (!s.conditional()) {
            unconditionalSources.add(source);
          }
        }
      }
      for (StaticFacts.ConfigCall c : facts.configs()) {
        dynamic |= c.dynamic();
        if (inBlock.apply(c.call().start())) {
          fileConfig = Configs.merge(fileConfig, c.literalValues());
        }
      }
      dynamic |= facts.needsRender() && callsMacroThatRefs(facts);
      // a var whose value is Jinja ("{{ ref('x') }}") is rendered where it is called
      dynamic |=
          facts.vars().stream()
              .anyMatch(v -> inputs.vars().rendersJinja(f.packageName(), v.name()));
      // dbt's static parser gives up on {% if %}: the parse render records only the refs it runs
      dynamic |= facts.conditionalCalls();
    }
    Map<String, Object> outsideFile = config;
    config = Configs.merge(config, fileConfig);
    String defaultMaterialized =
        switch (type) {
          case MODEL -> "view";
          case TEST -> "test";
          case SNAPSHOT -> "snapshot";
          case FUNCTION -> "function";
          default -> "view";
        };
    config.putIfAbsent("enabled", true);
    config.putIfAbsent("materialized", defaultMaterialized);
    String uid =
        type.dbtName()
            + "."
            + f.packageName()
            + "."
            + name
            + (version != null ? ".v" + version.v() : "");
    Map<String, Object> extra = new HashMap<>();
    if (p != null && !p.syntaxProblems().isEmpty()) {
      extra.put(Node.JINJA_SYNTAX_ERROR, true);
    }
    if (dynamic) {
      extra.put(Node.PARSE_RENDERED, true);
    }
    if (versioned != null) {
      extra.put("latest_version", latest(versioned));
    }
    if (p != null && !p.facts().functions().isEmpty()) {
      List<RefCall> functions = new ArrayList<>();
      for (StaticFacts.RefCall r : p.facts().functions()) {
        if (!r.dynamic() && r.name() != null) {
          functions.add(
              new RefCall(r.packageName(), r.name(), null, r.call().start(), r.call().end()));
        }
      }
      extra.put(Node.FUNCTIONS, List.copyOf(functions));
    }
    if (type == ResourceType.FUNCTION) {
      FunctionNodes.describe(f, properties.function(f.packageName(), name), config, extra);
    }
    if (spec != null) {
      extra.put(Node.PROPERTIES_FILE, spec.file());
      if (spec.constraints() != null && !spec.constraints().isEmpty()) {
        extra.put("constraints", spec.constraints());
      }
    }
    List<ColumnSpec> columns =
        descriptions.columns(
            version != null ? version.columns() : spec != null ? spec.columns() : List.of(),
            f.packageName());
    // a foreign key's `to: ref('customers')` is a dependency, as in dbt 1.9: built first
    List<RefCall> constraintRefs = new ArrayList<>();
    List<SourceCall> constraintSources = new ArrayList<>();
    constraintTargets(spec, columns, constraintRefs, constraintSources);
    constraintRefs.stream().filter(r -> !refs.contains(r)).forEach(refs::add);
    constraintSources.stream().filter(x -> !sources.contains(x)).forEach(sources::add);
    Node node =
        new Node(
            uid,
            type,
            f.packageName(),
            name,
            version == null ? null : version.v(),
            List.copyOf(fqn),
            f.relativePath(),
            inputs.displayPath(f),
            f,
            config,
            spec == null ? null : descriptions.render(spec.description(), f.packageName()),
            columns,
            refs,
            sources,
            List.of(),
            null,
            span,
            extra);
    if (dynamic && dynamicParse != null && p != null) {
      ManifestBuilder.Captured c = dynamicParse.capture(p, node);
      problems.addAll(c.problems());
      // a complete render saw every call dbt records, and none of the branches not taken; a
      // failed one (or a file of several snapshots) keeps what the scanner found as well —
      // only the calls outside every if/loop when it still ran to its end (it decided each
      // branch; an unconditional call may sit in an expression that failed)
      boolean renderOnly = c.complete() && type != ResourceType.SNAPSHOT;
      boolean decided = c.ranToEnd() && type != ResourceType.SNAPSHOT;
      List<RefCall> allRefs =
          new ArrayList<>(renderOnly ? List.of() : decided ? unconditionalRefs : refs);
      c.refs().stream().filter(r -> !allRefs.contains(r)).forEach(allRefs::add);
      constraintRefs.stream().filter(r -> !allRefs.contains(r)).forEach(allRefs::add);
      List<SourceCall> allSources =
          new ArrayList<>(renderOnly ? List.of() : decided ? unconditionalSources : sources);
      c.sources().stream().filter(s -> !allSources.contains(s)).forEach(allSources::add);
      constraintSources.stream().filter(x -> !allSources.contains(x)).forEach(allSources::add);
      Map<String, Object> cfg = Configs.merge(renderOnly ? outsideFile : config, c.config());
      cfg.putIfAbsent("enabled", true);
      cfg.putIfAbsent("materialized", defaultMaterialized);
      node =
          new Node(
              uid,
              type,
              node.packageName(),
              name,
              node.version(),
              node.fqn(),
              node.originalFilePath(),
              node.displayPath(),
              f,
              cfg,
              node.description(),
              columns,
              List.copyOf(allRefs),
              List.copyOf(allSources),
              List.of(),
              null,
              span,
              extra);
    }
    return node;
  }

  /** The refs and sources of the {@code to} of a model's and its columns' foreign keys. */
  private static void constraintTargets(
      NodeSpec spec, List<ColumnSpec> columns, List<RefCall> refs, List<SourceCall> sources) {
    List<Object> all = new ArrayList<>();
    if (spec != null && spec.constraints() != null) {
      all.addAll(spec.constraints());
    }
    for (ColumnSpec c : columns) {
      if (c.constraints() != null) {
        all.addAll(c.constraints());
      }
    }
    for (Object o : all) {
      if (o instanceof Map<?, ?> m
          && m.get("to") instanceof String to
          && YamlDependency.looksLikeOne(to)) {
        YamlDependency d = YamlDependency.of(to);
        d.refs().stream().filter(r -> !refs.contains(r)).forEach(refs::add);
        d.sources().stream().filter(x -> !sources.contains(x)).forEach(sources::add);
      }
    }
  }

  /**
   * Whether a file's macro calls may hide refs, sources or configs: only then is a parse render
   * needed.
   */
  private boolean callsMacroThatRefs(StaticFacts facts) {
    return facts.macroCalls().stream().anyMatch(c -> !c.builtin() && refMacros.contains(c.name()));
  }
}
