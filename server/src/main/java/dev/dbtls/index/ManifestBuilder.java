package dev.dbtls.index;

import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.ConfigTree;
import dev.dbtls.project.Configs;
import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.ColumnSpec;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import dev.dbtls.project.properties.VersionSpec;
import dev.dbtls.project.yaml.YamlMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Builds the {@link Manifest} from project inputs, the way dbt parses: every file scanned once (in
 * parallel), refs, sources and configs taken statically where the scanner can be sure, and from a
 * parse render (through {@link DynamicParse}) where it cannot.
 */
public final class ManifestBuilder {

  /** What a parse render of a file found: what the static scan could not be sure of. */
  /**
   * What a parse render called. {@code complete}: it raised no error. {@code ranToEnd}: it went
   * through the whole file (errors only left expressions empty), so it decided every branch.
   */
  public record Captured(
      List<RefCall> refs,
      List<SourceCall> sources,
      Map<String, Object> config,
      List<Problem> problems,
      boolean complete,
      boolean ranToEnd) {}

  /** Renders a file whose refs/sources/config are not all literal, capturing the calls. */
  public interface DynamicParse {
    Captured capture(ParsedFile file, Node draft);
  }

  /**
   * Names relations through a project's own generate_*_name macros; null means "use dbt's default".
   */
  public interface RelationNamer {
    RelationName name(Node node, RelationName defaults);
  }

  private final ProjectInputs inputs;
  private final DynamicParse dynamicParse;
  private final RelationNamer namer;
  private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
  private final PropertyIndex properties = new PropertyIndex();
  private java.util.Set<String> refMacros = java.util.Set.of();
  private Descriptions descriptions = new Descriptions(Map.of());

  private final ParseCache cache;
  private YamlRendering yaml = YamlRendering.NONE;

  public ManifestBuilder(ProjectInputs inputs, DynamicParse dynamicParse, RelationNamer namer) {
    this(inputs, dynamicParse, namer, new ParseCache());
  }

  /** A builder that reuses the scans of unchanged files from earlier builds with the same cache. */
  public ManifestBuilder(
      ProjectInputs inputs, DynamicParse dynamicParse, RelationNamer namer, ParseCache cache) {
    this.cache = cache;
    this.inputs = inputs;
    this.dynamicParse = dynamicParse;
    this.namer = namer;
  }

  public static Manifest build(ProjectInputs inputs) {
    return new ManifestBuilder(inputs, null, null).build();
  }

  private LoadProgress progress = LoadProgress.NONE;

  /** Where a full {@link #build} reports how far it has come (scanning files is most of it). */
  public ManifestBuilder progress(LoadProgress progress) {
    this.progress = progress == null ? LoadProgress.NONE : progress;
    return this;
  }

  /** Renders the Jinja of YAML configs and sources; without one, YAML is taken as written. */
  public ManifestBuilder yamlRenderer(YamlRendering.Renderer renderer) {
    this.yaml = renderer == null ? YamlRendering.NONE : new YamlRendering(renderer);
    return this;
  }

  private static final boolean TIMING = Boolean.getBoolean("dbtls.timing");
  private long mark = System.nanoTime();

  /** With {@code -Ddbtls.timing=true}, how long each phase took, on stderr. */
  private void phase(String name) {
    if (TIMING) {
      long now = System.nanoTime();
      System.err.printf("dbtls timing: %-24s %6.0f ms%n", name, (now - mark) / 1e6);
      mark = now;
    }
  }

  /** The share of a full load that scanning files takes (reading them comes before). */
  private static final int SCAN_FROM = 10;

  private static final int SCAN_TO = 70;

  public Manifest build() {
    mark = System.nanoTime();
    yaml.warm();
    problems.addAll(inputs.problems());
    Map<ProjectFile, ParsedFile> parsed = new ConcurrentHashMap<>();
    Map<ProjectFile, PropertyFile> props = new ConcurrentHashMap<>();
    // property files are few, large and listed together: spread them so both threads get some
    List<ProjectFile> work = new ArrayList<>(inputs.files());
    Collections.shuffle(work, new java.util.Random(42));
    java.util.concurrent.atomic.AtomicInteger scanned =
        new java.util.concurrent.atomic.AtomicInteger();
    int total = Math.max(1, work.size());
    progress.report(SCAN_FROM, "scanning " + total + " files");
    work.parallelStream()
        .forEach(
            f -> {
              int done = scanned.incrementAndGet();
              if (done % Math.max(1, total / 20) == 0) {
                progress.report(
                    SCAN_FROM + (SCAN_TO - SCAN_FROM) * done / total,
                    "scanning " + total + " files");
              }
              String display = inputs.displayPath(f);
              if (f.kind() == FileKind.PROPERTIES) {
                props.put(f, cache.properties(f, display));
              } else if (f.kind() != FileKind.SEED && !f.isPython()) {
                ParsedFile p = cache.scan(f, display);
                parsed.put(f, p);
                problems.addAll(p.syntaxProblems());
              }
            });
    phase("scan and parse files");
    inputs.files().stream()
        .filter(props::containsKey)
        .forEach(
            f ->
                properties.add(
                    f.packageName(),
                    props.get(f),
                    resourcePath(
                        f.relativePath(), allResourcePaths(inputs.project(f.packageName()))),
                    f.relativePath()));
    problems.addAll(properties.problems);

    phase("property index");
    progress.report(SCAN_TO + 2, "macros and docs");
    refMacros = refMacros(parsed, inputs.vars());
    versionFiles = versionFiles();
    Map<String, Macro> macros = macros(parsed);
    Map<String, DocBlock> docs = docs(parsed);
    checkDocRefs(props.values(), docs);
    descriptions = new Descriptions(docs);
    phase("macros and docs");
    progress.report(SCAN_TO + 5, "models");
    List<Node> drafts = Collections.synchronizedList(new ArrayList<>());
    inputs.files().parallelStream().forEach(f -> drafts.addAll(sqlNodes(f, parsed.get(f))));
    phase("sql nodes");
    progress.report(SCAN_TO + 10, "seeds, sources and tests");
    drafts.addAll(seeds());
    drafts.addAll(sources());
    drafts.addAll(exposures());
    drafts.addAll(
        GenericTests.of(
            inputs,
            properties,
            new GenericTests.ConfigSource() {
              @Override
              public Map<String, Object> configFor(
                  ResourceType type, String pkg, List<String> fqn) {
                return ManifestBuilder.this.configFor(type, pkg, fqn);
              }

              @Override
              public Map<String, Object> testConfig(
                  Map<String, Object> config, String pkg, String file, Span at) {
                // dbt renders a test's configs with macros in scope: what needs one (a `where`
                // calling
                // dbt.dateadd) stays as written here, and compiling the test renders it
                return yaml.config(config, pkg, false, (text, message) -> {});
              }
            }));
    phase("seeds, sources, tests");
    progress.report(SCAN_TO + 18, "resolving refs");
    drafts.sort(java.util.Comparator.comparing(Node::uniqueId));

    Map<String, Node> enabled = new LinkedHashMap<>();
    Map<String, Node> disabled = new LinkedHashMap<>();
    for (Node n : drafts) {
      Map<String, Node> into = n.enabled() ? enabled : disabled;
      Node earlier = into.putIfAbsent(n.uniqueId(), n);
      if (earlier != null && n.enabled()) {
        duplicate(earlier, n);
      }
    }
    for (PropertyIndex.Owned<NodeSpec> o : properties.unused()) {
      problems.add(
          Problem.at(
              o.file().path(),
              o.spec().nameSpan(),
              ProblemCode.PROPERTY_UNKNOWN_NODE,
              o.spec().resourceType()
                  + " '"
                  + o.spec().name()
                  + "' is described here but no such "
                  + o.spec().resourceType()
                  + " exists in package '"
                  + o.packageName()
                  + "'"));
    }
    Manifest draft =
        new Manifest(inputs, enabled, disabled, macros, docs, new Dag(Map.of()), List.of());
    disableTestsWithoutTarget(draft, enabled, disabled);
    Map<String, Node> resolved = new LinkedHashMap<>();
    Map<String, List<String>> parents = new HashMap<>();
    enabled.values().parallelStream()
        .map(n -> resolve(draft, n))
        .toList()
        .forEach(
            n -> {
              resolved.put(n.uniqueId(), n);
              parents.put(n.uniqueId(), n.dependsOn());
            });
    phase("resolve refs");
    progress.report(SCAN_TO + 26, "dependency graph");
    Dag dag = new Dag(parents);
    cycles(dag, resolved);
    phase("dag and cycles");
    List<Problem> all = new ArrayList<>(problems);
    return new Manifest(inputs, resolved, disabled, macros, docs, dag, List.copyOf(all));
  }

  // ---- macros and docs -------------------------------------------------------------------

  /**
   * The manifest after an edit of SQL files that define nodes (models, analyses, singular tests,
   * snapshots), without relinking the whole project: the nodes of those files are built and
   * resolved again and swapped into {@code previous}; everything else is kept. This is what makes
   * diagnostics follow typing on a large project. Null when the edit may change more than those
   * nodes (a new or deleted file, a macro or docs block, a node renamed, enabled or disabled, a
   * cycle involved) — then the caller builds the whole manifest.
   */
  public Manifest update(Manifest previous, java.util.Set<java.nio.file.Path> changed) {
    mark = System.nanoTime();
    Map<java.nio.file.Path, ProjectFile> now = new HashMap<>();
    inputs.files().forEach(f -> now.put(f.absolutePath(), f));
    Map<java.nio.file.Path, ProjectFile> before = new HashMap<>();
    previous.inputs().files().forEach(f -> before.put(f.absolutePath(), f));
    java.util.Set<String> macroFiles = new java.util.HashSet<>();
    previous.macros().values().forEach(m -> macroFiles.add(m.displayPath()));
    previous.docs().values().forEach(d -> macroFiles.add(d.displayPath()));
    if (previous.problems().stream()
        .anyMatch(
            p -> p.code() == ProblemCode.DAG_CYCLE || p.code() == ProblemCode.NODE_DUPLICATE)) {
      return null; // located in several files and decided by all of them: find them again
    }
    List<ProjectFile> files = new ArrayList<>();
    for (java.nio.file.Path path : changed) {
      ProjectFile f = now.get(path);
      ProjectFile old = before.get(path);
      if (f == null
          || old == null
          || f.kind() != old.kind()
          || !f.packageName().equals(old.packageName())
          || !java.util.EnumSet.of(
                  FileKind.MODEL, FileKind.ANALYSIS, FileKind.SINGULAR_TEST, FileKind.SNAPSHOT)
              .contains(f.kind())
          || f.isPython()
          || macroFiles.contains(inputs.displayPath(f))) {
        return null;
      }
      files.add(f);
    }
    // what the full build computes first and node building reads: YAML properties, versions,
    // macros that ref (all parses are in the cache: no file is parsed again)
    Map<ProjectFile, ParsedFile> parsed = new HashMap<>();
    for (ProjectFile f : inputs.files()) {
      if (f.kind() == FileKind.PROPERTIES) {
        properties.add(
            f.packageName(),
            cache.properties(f, inputs.displayPath(f)),
            resourcePath(f.relativePath(), allResourcePaths(inputs.project(f.packageName()))),
            f.relativePath());
      } else if (f.kind() == FileKind.MACRO) {
        parsed.put(f, cache.scan(f, inputs.displayPath(f)));
      }
    }
    refMacros = refMacros(parsed, inputs.vars());
    versionFiles = versionFiles();
    descriptions = new Descriptions(previous.docs());
    phase("update: project context");
    Map<String, Node> nodes = new LinkedHashMap<>(previous.nodes());
    Map<String, Node> disabled = new LinkedHashMap<>(previous.disabled());
    List<Node> built = new ArrayList<>();
    java.util.Set<String> displays = new java.util.HashSet<>();
    for (ProjectFile f : files) {
      String display = inputs.displayPath(f);
      displays.add(display);
      ParsedFile p = cache.scan(f, display);
      if (!p.facts().macros().isEmpty() || !p.facts().docs().isEmpty()) {
        return null;
      }
      problems.addAll(p.syntaxProblems());
      List<Node> fresh = sqlNodes(f, p);
      java.util.Set<String> oldEnabled = new java.util.HashSet<>();
      previous.nodesInFile(display).forEach(n -> oldEnabled.add(n.uniqueId()));
      java.util.Set<String> oldDisabled = new java.util.HashSet<>();
      previous.disabled().values().stream()
          .filter(n -> display.equals(n.displayPath()))
          .forEach(n -> oldDisabled.add(n.uniqueId()));
      java.util.Set<String> newEnabled = new java.util.HashSet<>();
      java.util.Set<String> newDisabled = new java.util.HashSet<>();
      fresh.forEach(n -> (n.enabled() ? newEnabled : newDisabled).add(n.uniqueId()));
      if (!oldEnabled.equals(newEnabled)
          || !oldDisabled.equals(newDisabled)
          || newEnabled.size() + newDisabled.size() != fresh.size()) {
        return null; // renamed, enabled, disabled, or defined twice now
      }
      for (Node n : fresh) {
        if (n.enabled()) {
          built.add(n);
        } else {
          disabled.put(n.uniqueId(), n);
        }
      }
    }
    for (Node n : built) {
      if (n.type() == ResourceType.TEST && missingTarget(previous, n) != null) {
        return null; // the test is disabled now: the full build says so
      }
    }
    boolean sameEdges = true;
    for (Node n : built) {
      Node r = resolve(previous, n);
      sameEdges &= r.dependsOn().equals(previous.nodes().get(n.uniqueId()).dependsOn());
      nodes.put(r.uniqueId(), r);
    }
    phase("update: edited nodes");
    Dag dag = previous.dag();
    if (!sameEdges) {
      Map<String, List<String>> changedParents = new HashMap<>();
      built.forEach(n -> changedParents.put(n.uniqueId(), nodes.get(n.uniqueId()).dependsOn()));
      dag = dag.withParents(changedParents);
      if (dag == null) {
        return null; // a new cycle: found and reported by the full build
      }
    }
    List<Problem> all = new ArrayList<>();
    for (Problem p : previous.problems()) {
      if (!displays.contains(p.file())) {
        all.add(p); // the problems of the edited files are found again
      }
    }
    all.addAll(problems);
    Manifest m =
        new Manifest(
            inputs, nodes, disabled, previous.macros(), previous.docs(), dag, List.copyOf(all));
    phase("update: dag and manifest");
    return m;
  }

  private Map<String, Macro> macros(Map<ProjectFile, ParsedFile> parsed) {
    Map<String, Macro> out = new LinkedHashMap<>();
    for (ProjectFile f : inputs.files()) {
      ParsedFile p = parsed.get(f);
      if (p == null || !(f.kind() == FileKind.MACRO || f.kind() == FileKind.GENERIC_TEST)) {
        continue;
      }
      for (StaticFacts.MacroDef d : p.facts().macros()) {
        String name =
            switch (d.kind()) {
              case TEST -> "test_" + d.name();
              case MATERIALIZATION -> "materialization_" + d.name() + "_" + d.adapter();
              default -> d.name();
            };
        var spec = properties.macros.get(f.packageName() + "." + name);
        Macro m =
            new Macro(
                f.packageName(),
                name,
                d.params().stream().map(StaticFacts.Param::name).toList(),
                spec != null ? spec.description() : d.doc(),
                f.relativePath(),
                p.displayPath(),
                p.span(d.nameRange()));
        out.putIfAbsent(m.uniqueId(), m);
      }
    }
    return out;
  }

  private Map<String, DocBlock> docs(Map<ProjectFile, ParsedFile> parsed) {
    Map<String, DocBlock> out = new LinkedHashMap<>();
    for (ProjectFile f : inputs.files()) {
      ParsedFile p = parsed.get(f);
      if (p == null || f.kind() != FileKind.DOCS) {
        continue;
      }
      for (StaticFacts.DocsBlock d : p.facts().docs()) {
        DocBlock b =
            new DocBlock(
                f.packageName(),
                d.name(),
                d.content().of(f.text()).strip(),
                p.displayPath(),
                p.span(d.nameRange()));
        DocBlock earlier = out.putIfAbsent(b.uniqueId(), b);
        if (earlier != null) {
          problems.add(
              Problem.at(
                  p.displayPath(),
                  b.span(),
                  ProblemCode.NODE_DUPLICATE,
                  "docs block '" + d.name() + "' is also defined in " + earlier.displayPath()));
        }
      }
    }
    return out;
  }

  private void checkDocRefs(java.util.Collection<PropertyFile> files, Map<String, DocBlock> docs) {
    java.util.Set<String> names = new java.util.HashSet<>();
    docs.values()
        .forEach(
            d -> {
              names.add(d.name());
              names.add(d.packageName() + "." + d.name());
            });
    for (PropertyFile f : files) {
      for (PropertyFile.DocRef r : f.docRefs()) {
        String key = r.packageName() == null ? r.name() : r.packageName() + "." + r.name();
        if (!names.contains(key)) {
          problems.add(
              Problem.at(
                  f.path(),
                  r.span(),
                  ProblemCode.DOC_UNKNOWN,
                  "doc('"
                      + key
                      + "') names no docs block"
                      + DidYouMean.suffix(
                          r.name(), docs.values().stream().map(DocBlock::name).toList())));
        }
      }
    }
  }

  // ---- SQL nodes ---------------------------------------------------------------------------

  private List<Node> sqlNodes(ProjectFile f, ParsedFile p) {
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
                  resourcePath(f, inputs.project(f.packageName()).analysisPaths()),
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
                  resourcePath(f, inputs.project(f.packageName()).testPaths()),
                  Span.NONE));
      case SNAPSHOT -> snapshots(f, p);
      default -> List.of();
    };
  }

  private List<Node> models(ProjectFile f, ParsedFile p) {
    DbtProject proj = inputs.project(f.packageName());
    List<String> folders = resourcePath(f, proj.modelPaths());
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
  private record VersionFile(NodeSpec spec, VersionSpec version) {}

  private Map<String, VersionFile> versionFiles = Map.of();

  private Map<String, VersionFile> versionFiles() {
    java.util.Set<String> stems = new java.util.HashSet<>();
    inputs.files().stream()
        .filter(f -> f.kind() == FileKind.MODEL)
        .forEach(f -> stems.add(f.packageName() + "/" + f.stem()));
    Map<String, VersionFile> out = new HashMap<>();
    for (PropertyIndex.Owned<NodeSpec> o : properties.nodes) {
      NodeSpec s = o.spec();
      if (!"model".equals(s.resourceType()) || s.versions().isEmpty()) {
        continue;
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

  private static String latest(NodeSpec s) {
    if (s.latestVersion() != null) {
      return s.latestVersion();
    }
    return s.versions().stream()
        .map(VersionSpec::v)
        .max(java.util.Comparator.comparingDouble(ManifestBuilder::num))
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
    List<String> folders = resourcePath(f, inputs.project(f.packageName()).snapshotPaths());
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

  /** Folders between the resource path and the file: {@code models/staging/x.sql} → [staging]. */
  private static List<String> resourcePath(ProjectFile f, List<String> roots) {
    return resourcePath(f.relativePath(), roots);
  }

  private static List<String> allResourcePaths(DbtProject p) {
    List<String> all = new ArrayList<>();
    for (List<String> l :
        List.of(
            p.modelPaths(),
            p.seedPaths(),
            p.snapshotPaths(),
            p.analysisPaths(),
            p.macroPaths(),
            p.testPaths())) {
      all.addAll(l);
    }
    return all;
  }

  static List<String> resourcePath(String relativePath, List<String> roots) {
    String rel = relativePath;
    for (String root : roots) {
      String prefix = root.endsWith("/") ? root : root + "/";
      if (rel.startsWith(prefix)) {
        rel = rel.substring(prefix.length());
        break;
      }
    }
    List<String> parts = new ArrayList<>(List.of(rel.split("/")));
    parts.remove(parts.size() - 1);
    return parts;
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
    Map<String, Object> config = configFor(type, f.packageName(), fqn);
    if (spec != null) {
      config = Configs.merge(config, specConfig(spec, f.packageName()));
    }
    if (version != null) {
      config =
          Configs.merge(
              config,
              yaml.config(
                  version.config(),
                  f.packageName(),
                  false,
                  located(versioned.file(), version.span())));
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
    if (versioned != null) {
      extra.put("latest_version", latest(versioned));
    }
    if (spec != null) {
      extra.put(Node.PROPERTIES_FILE, spec.file());
    }
    List<ColumnSpec> columns =
        descriptions.columns(
            version != null ? version.columns() : spec != null ? spec.columns() : List.of(),
            f.packageName());
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
      Captured c = dynamicParse.capture(p, node);
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
      List<SourceCall> allSources =
          new ArrayList<>(renderOnly ? List.of() : decided ? unconditionalSources : sources);
      c.sources().stream().filter(s -> !allSources.contains(s)).forEach(allSources::add);
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

  /**
   * Whether a file's macro calls may hide refs, sources or configs: only then is a parse render
   * needed.
   */
  private boolean callsMacroThatRefs(StaticFacts facts) {
    return facts.macroCalls().stream().anyMatch(c -> !c.builtin() && refMacros.contains(c.name()));
  }

  /**
   * Names of macros that call ref/source/config themselves (or a var whose value is Jinja) or
   * through other macros.
   */
  private static java.util.Set<String> refMacros(
      Map<ProjectFile, ParsedFile> parsed, dev.dbtls.project.Vars vars) {
    Map<String, java.util.Set<String>> calls = new HashMap<>();
    java.util.Set<String> direct = new java.util.HashSet<>();
    for (ParsedFile p : parsed.values()) {
      if (p.file().kind() != FileKind.MACRO) {
        continue;
      }
      StaticFacts f = p.facts();
      for (StaticFacts.MacroDef d : f.macros()) {
        java.util.function.Predicate<dev.dbtls.jinja.scan.TextRange> inside =
            r -> d.whole().start() <= r.start() && r.end() <= d.whole().end();
        if (f.refs().stream().anyMatch(r -> inside.test(r.call()))
            || f.sources().stream().anyMatch(r -> inside.test(r.call()))
            || f.configs().stream().anyMatch(r -> inside.test(r.call()))
            || f.vars().stream()
                .anyMatch(
                    v ->
                        inside.test(v.call())
                            && vars.rendersJinja(p.file().packageName(), v.name()))) {
          direct.add(d.name());
        }
        java.util.Set<String> callees =
            calls.computeIfAbsent(d.name(), k -> new java.util.HashSet<>());
        f.macroCalls().stream()
            .filter(c -> inside.test(c.call()))
            .forEach(c -> callees.add(c.name()));
      }
    }
    java.util.Set<String> out = new java.util.HashSet<>(direct);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (var e : calls.entrySet()) {
        if (!out.contains(e.getKey()) && e.getValue().stream().anyMatch(out::contains)) {
          out.add(e.getKey());
          grew = true;
        }
      }
    }
    return out;
  }

  /** A node's configs from its property YAML entry, rendered in the properties.yml context. */
  private Map<String, Object> specConfig(NodeSpec spec, String pkg) {
    Map<String, Object> c = new LinkedHashMap<>();
    if (!spec.tags().isEmpty()) {
      c.put("tags", spec.tags());
    }
    if (!spec.meta().isEmpty()) {
      c.put("meta", spec.meta());
    }
    return yaml.config(
        Configs.merge(c, spec.config()), pkg, false, located(spec.file(), spec.nameSpan()));
  }

  /** Where a YAML value that failed to render is reported. */
  private YamlRendering.Problems located(String file, Span at) {
    return (text, message) -> problems.add(Problem.at(file, at, ProblemCode.JINJA_RENDER, message));
  }

  /** Configs from dbt_project.yml: the package's own file first, then the root project's. */
  Map<String, Object> configFor(ResourceType type, String pkg, List<String> fqn) {
    Map<String, Object> out = new LinkedHashMap<>();
    DbtProject own = inputs.project(pkg);
    if (own != null && own != inputs.root()) {
      out = Configs.merge(out, projectConfig(own, new ConfigTree(tree(own, type)).configFor(fqn)));
    }
    return Configs.merge(
        out,
        projectConfig(inputs.root(), new ConfigTree(tree(inputs.root(), type)).configFor(fqn)));
  }

  /** A config tree's values for one node, rendered in the dbt_project.yml context. */
  private Map<String, Object> projectConfig(DbtProject p, Map<String, Object> config) {
    String file = inputs.root().dir().relativize(p.dir().resolve(DbtProject.FILE)).toString();
    return yaml.config(
        config,
        p.name(),
        true,
        (text, message) ->
            problems.add(
                Problem.at(
                    file,
                    valueSpan(p.document().root(), text),
                    ProblemCode.JINJA_RENDER,
                    message)));
  }

  /** Where a text is written in a YAML tree (the first place), or nowhere in particular. */
  private static Span valueSpan(dev.dbtls.project.yaml.YamlNode root, String text) {
    Span at = find(root, text);
    return at == null ? Span.NONE : at;
  }

  private static Span find(dev.dbtls.project.yaml.YamlNode n, String text) {
    if (n instanceof dev.dbtls.project.yaml.YamlScalar s) {
      return text.equals(s.value()) ? s.span() : null;
    }
    java.util.Collection<dev.dbtls.project.yaml.YamlNode> children =
        n instanceof YamlMap m
            ? m.entries().values()
            : n instanceof dev.dbtls.project.yaml.YamlList l ? l.items() : List.of();
    for (dev.dbtls.project.yaml.YamlNode c : children) {
      Span at = find(c, text);
      if (at != null) {
        return at;
      }
    }
    return null;
  }

  private static YamlMap tree(DbtProject p, ResourceType type) {
    return switch (type) {
      case MODEL -> p.models();
      case SEED -> p.seeds();
      case SNAPSHOT -> p.snapshots();
      case SOURCE -> p.sources();
      case TEST -> p.tests();
      case ANALYSIS -> p.analyses();
      default -> YamlMap.empty(Span.NONE);
    };
  }

  // ---- seeds, sources, exposures --------------------------------------------------------------

  private List<Node> seeds() {
    List<Node> out = new ArrayList<>();
    for (ProjectFile f : inputs.files()) {
      if (f.kind() != FileKind.SEED) {
        continue;
      }
      List<String> fqn = new ArrayList<>();
      fqn.add(f.packageName());
      fqn.addAll(resourcePath(f, inputs.project(f.packageName()).seedPaths()));
      fqn.add(f.stem());
      NodeSpec spec = properties.node(f.packageName(), "seed", f.stem());
      Map<String, Object> config = configFor(ResourceType.SEED, f.packageName(), fqn);
      if (spec != null) {
        config = Configs.merge(config, specConfig(spec, f.packageName()));
      }
      config.putIfAbsent("enabled", true);
      config.putIfAbsent("materialized", "seed");
      out.add(
          new Node(
              "seed." + f.packageName() + "." + f.stem(),
              ResourceType.SEED,
              f.packageName(),
              f.stem(),
              null,
              List.copyOf(fqn),
              f.relativePath(),
              inputs.displayPath(f),
              f,
              config,
              spec == null ? null : descriptions.render(spec.description(), f.packageName()),
              spec == null ? List.of() : descriptions.columns(spec.columns(), f.packageName()),
              List.of(),
              List.of(),
              List.of(),
              null,
              Span.NONE,
              spec == null ? Map.of() : Map.of(Node.PROPERTIES_FILE, spec.file())));
    }
    return out;
  }

  private List<Node> sources() {
    List<Node> out = new ArrayList<>();
    for (PropertyIndex.Owned<dev.dbtls.project.properties.SourceSpec> o : properties.sources) {
      var s = o.spec();
      for (var t : s.tables()) {
        List<String> fqn = new ArrayList<>(List.of(o.packageName()));
        fqn.addAll(o.folders());
        fqn.addAll(List.of(s.name(), t.name()));
        String pkg = o.packageName();
        var at = located(o.file().path(), t.nameSpan());
        Map<String, Object> config = configFor(ResourceType.SOURCE, pkg, fqn);
        config = Configs.merge(config, yaml.config(s.config(), pkg, false, at));
        config = Configs.merge(config, yaml.config(t.config(), pkg, false, at));
        config.putIfAbsent("enabled", true);
        Map<String, Object> extra = new HashMap<>();
        extra.put("source_name", s.name());
        extra.put(
            "source_description",
            s.description() == null ? "" : descriptions.render(s.description(), o.packageName()));
        extra.put("loader", s.loader() == null ? "" : s.loader());
        // for hover: a table's own freshness and loaded_at_field replace the source's
        String loadedAt =
            yaml.string(t.loadedAtField() != null ? t.loadedAtField() : s.loadedAtField(), pkg, at);
        extra.put("loaded_at_field", loadedAt == null ? "" : loadedAt);
        extra.put("freshness", !t.freshness().isEmpty() ? t.freshness() : s.freshness());
        extra.put(
            "identifier", t.identifier() == null ? t.name() : yaml.string(t.identifier(), pkg, at));
        Map<String, Object> quoting = new LinkedHashMap<>(s.quoting());
        quoting.putAll(t.quoting());
        extra.put("quoting", quoting);
        extra.put(
            "source_schema", s.schema() == null ? s.name() : yaml.string(s.schema(), pkg, at));
        extra.put("source_database", yaml.string(s.database(), pkg, at));
        out.add(
            new Node(
                "source." + o.packageName() + "." + s.name() + "." + t.name(),
                ResourceType.SOURCE,
                o.packageName(),
                t.name(),
                null,
                fqn,
                o.relativePath(),
                o.file().path(),
                null,
                config,
                descriptions.render(t.description(), o.packageName()),
                descriptions.columns(t.columns(), o.packageName()),
                List.of(),
                List.of(),
                List.of(),
                null,
                t.nameSpan(),
                extra));
      }
    }
    return out;
  }

  private List<Node> exposures() {
    List<Node> out = new ArrayList<>();
    for (PropertyIndex.Owned<dev.dbtls.project.properties.ExposureSpec> o : properties.exposures) {
      var e = o.spec();
      List<RefCall> refs = new ArrayList<>();
      List<SourceCall> sources = new ArrayList<>();
      for (String dep : e.dependsOn()) {
        YamlDependency d = YamlDependency.of(dep);
        refs.addAll(d.refs());
        sources.addAll(d.sources());
      }
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("enabled", true);
      if (!e.tags().isEmpty()) {
        config.put("tags", e.tags());
      }
      out.add(
          new Node(
              "exposure." + o.packageName() + "." + e.name(),
              ResourceType.EXPOSURE,
              o.packageName(),
              e.name(),
              null,
              List.of(o.packageName(), e.name()),
              o.relativePath(),
              o.file().path(),
              null,
              config,
              descriptions.render(e.description(), o.packageName()),
              List.of(),
              refs,
              sources,
              List.of(),
              null,
              e.nameSpan(),
              Map.of("type", String.valueOf(e.type()))));
    }
    return out;
  }

  // ---- resolution ----------------------------------------------------------------------------

  /**
   * Data tests whose node, ref or source is missing or disabled are disabled, as dbt disables them:
   * silently when the tested node is disabled or undescribed (its property entry is reported), with
   * a warning when a ref or source names nothing.
   */
  private void disableTestsWithoutTarget(
      Manifest draft, Map<String, Node> enabled, Map<String, Node> disabled) {
    for (Node n : List.copyOf(enabled.values())) {
      if (n.type() != ResourceType.TEST) {
        continue;
      }
      Object attached = n.extra().get("attached_node");
      boolean orphan = attached != null && !enabled.containsKey(String.valueOf(attached));
      Problem why = orphan ? null : missingTarget(draft, n);
      if (orphan || why != null) {
        if (why != null) {
          problems.add(why);
        }
        Map<String, Object> config = new LinkedHashMap<>(n.config());
        config.put("enabled", false);
        enabled.remove(n.uniqueId());
        disabled.putIfAbsent(n.uniqueId(), n.with(config, n.relation(), n.dependsOn()));
      }
    }
  }

  /** The first ref or source of a data test that matches no enabled node, as a located problem. */
  private Problem missingTarget(Manifest draft, Node n) {
    for (RefCall r : n.refs()) {
      if (draft.resolveRef(n.packageName(), r).isEmpty()) {
        boolean off = draft.resolveDisabledRef(n.packageName(), r).isPresent();
        return located(
            n,
            r.start(),
            r.end(),
            new Problem(
                "",
                0,
                0,
                0,
                0,
                off ? dev.dbtls.project.Severity.INFO : null,
                ProblemCode.TEST_TARGET_MISSING,
                "data test '"
                    + n.name()
                    + "' is disabled: "
                    + r.display()
                    + (off
                        ? " points to a disabled node"
                        : " matches no model, seed or snapshot"
                            + DidYouMean.suffix(r.name(), draft.refableNames()))));
      }
    }
    for (SourceCall s : n.sources()) {
      if (draft.resolveSource(n.packageName(), s.sourceName(), s.tableName()).isEmpty()) {
        return located(
            n,
            s.start(),
            s.end(),
            Problem.ofFile(
                "",
                ProblemCode.TEST_TARGET_MISSING,
                "data test '"
                    + n.name()
                    + "' is disabled: source('"
                    + s.sourceName()
                    + "', '"
                    + s.tableName()
                    + "') matches no enabled source"));
      }
    }
    return null;
  }

  private Node resolve(Manifest draft, Node n) {
    List<String> deps = new ArrayList<>();
    for (RefCall r : n.refs()) {
      Optional<Node> target = draft.resolveRef(n.packageName(), r);
      if (target.isPresent()) {
        if (!deps.contains(target.get().uniqueId())) {
          deps.add(target.get().uniqueId());
        }
      } else {
        problems.add(
            located(
                n,
                r.start(),
                r.end(),
                draft
                    .resolveDisabledRef(n.packageName(), r)
                    .map(
                        d ->
                            Problem.ofFile(
                                "",
                                ProblemCode.REF_DISABLED,
                                r.display()
                                    + " points to "
                                    + d.uniqueId()
                                    + ", which is disabled (enabled: false)"))
                    .orElseGet(
                        () ->
                            Problem.ofFile(
                                "",
                                ProblemCode.REF_UNKNOWN,
                                r.display()
                                    + " does not match any enabled model, seed or snapshot"
                                    + DidYouMean.suffix(r.name(), draft.refableNames())))));
      }
    }
    for (SourceCall s : n.sources()) {
      Optional<Node> target = draft.resolveSource(n.packageName(), s.sourceName(), s.tableName());
      if (target.isPresent()) {
        if (!deps.contains(target.get().uniqueId())) {
          deps.add(target.get().uniqueId());
        }
      } else {
        problems.add(
            located(
                n,
                s.start(),
                s.end(),
                Problem.ofFile(
                    "",
                    ProblemCode.SOURCE_UNKNOWN,
                    "source('"
                        + s.sourceName()
                        + "', '"
                        + s.tableName()
                        + "') is not declared in any "
                        + "sources: entry"
                        + DidYouMean.suffix(
                            s.sourceName() + "." + s.tableName(),
                            draft.nodes().values().stream()
                                .filter(x -> x.type() == ResourceType.SOURCE)
                                .map(x -> x.fqn().get(1) + "." + x.name())
                                .toList()))));
      }
    }
    deps.addAll(n.dependsOn().stream().filter(d -> !deps.contains(d)).toList());
    RelationName rel = relation(n);
    return n.with(n.config(), rel, List.copyOf(deps));
  }

  private RelationName relation(Node n) {
    var target = inputs.target();
    if (n.type() == ResourceType.SOURCE) {
      Object db = n.extra().get("source_database");
      return new RelationName(
          db == null ? target.database() : String.valueOf(db),
          String.valueOf(n.extra().get("source_schema")),
          String.valueOf(n.extra().get("identifier")));
    }
    if (n.type() == ResourceType.EXPOSURE) {
      return null;
    }
    Map<String, Object> c = n.config();
    String schema =
        n.type() == ResourceType.SNAPSHOT && c.get("target_schema") != null
            ? String.valueOf(c.get("target_schema"))
            : RelationNaming.schema(c, target);
    String database =
        n.type() == ResourceType.SNAPSHOT && c.get("target_database") != null
            ? String.valueOf(c.get("target_database"))
            : RelationNaming.database(c, target);
    RelationName defaults =
        new RelationName(database, schema, RelationNaming.alias(c, n.name(), n.version()));
    if (namer != null) {
      RelationName custom = namer.name(n, defaults);
      if (custom != null) {
        return custom;
      }
    }
    return defaults;
  }

  private Problem located(Node n, int start, int end, Problem p) {
    if (n.file() == null) {
      return new Problem(
          n.displayPath(),
          n.span().startLine(),
          n.span().startColumn(),
          n.span().endLine(),
          n.span().endColumn(),
          p.severity(),
          p.code(),
          p.message());
    }
    dev.dbtls.project.LineIndex lines = new dev.dbtls.project.LineIndex(n.file().text());
    Span s = lines.span(start, end);
    return new Problem(
        n.displayPath(),
        s.startLine(),
        s.startColumn(),
        s.endLine(),
        s.endColumn(),
        p.severity(),
        p.code(),
        p.message());
  }

  private void duplicate(Node earlier, Node n) {
    for (Node[] pair : new Node[][] {{n, earlier}, {earlier, n}}) {
      problems.add(
          new Problem(
              pair[0].displayPath(),
              pair[0].span().startLine(),
              pair[0].span().startColumn(),
              pair[0].span().endLine(),
              pair[0].span().endColumn(),
              null,
              ProblemCode.NODE_DUPLICATE,
              pair[0].type().dbtName()
                  + " '"
                  + n.name()
                  + "' is defined twice in package '"
                  + n.packageName()
                  + "': "
                  + pair[0].displayPath()
                  + " and "
                  + pair[1].displayPath()));
    }
  }

  private void cycles(Dag dag, Map<String, Node> nodes) {
    for (List<String> cycle : dag.cycles()) {
      java.util.Set<String> members = new java.util.HashSet<>(cycle);
      String path =
          String.join(" -> ", cycle.stream().map(id -> nodes.get(id).name()).toList())
              + " -> "
              + nodes.get(cycle.get(0)).name();
      for (String id : cycle) {
        Node n = nodes.get(id);
        RefCall at =
            n.refs().stream()
                .filter(r -> members.stream().anyMatch(m -> nodes.get(m).name().equals(r.name())))
                .findFirst()
                .orElse(null);
        Problem p = Problem.ofFile("", ProblemCode.DAG_CYCLE, "dependency cycle: " + path);
        problems.add(
            at == null
                ? new Problem(n.displayPath(), 0, 0, 0, 0, null, p.code(), p.message())
                : located(n, at.start(), at.end(), p));
      }
    }
  }
}
