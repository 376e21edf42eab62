package dev.dbtls.index;

import dev.dbtls.project.FileKind;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Span;
import dev.dbtls.project.properties.NodeSpec;
import dev.dbtls.project.properties.PropertyFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
  private final ParseCache cache;
  private YamlRendering yaml = YamlRendering.NONE;
  private LoadProgress progress = LoadProgress.NONE;
  private PreviousNodes previous = PreviousNodes.NONE;

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

  /** Where a full {@link #build} reports how far it has come (scanning files is most of it). */
  public ManifestBuilder progress(LoadProgress progress) {
    this.progress = progress == null ? LoadProgress.NONE : progress;
    return this;
  }

  /**
   * The manifest this build replaces: the nodes it makes again exactly as they were are that
   * manifest's objects ({@link PreviousNodes}).
   */
  public ManifestBuilder replacing(Manifest manifest) {
    this.previous = PreviousNodes.of(manifest);
    return this;
  }

  /** Renders the Jinja of YAML configs and sources; without one, YAML is taken as written. */
  public ManifestBuilder yamlRenderer(YamlRendering.Renderer renderer) {
    this.yaml = renderer == null ? YamlRendering.NONE : new YamlRendering(renderer);
    return this;
  }

  /** The share of a full load that scanning files takes (reading them comes before). */
  private static final int SCAN_FROM = 10;

  private static final int SCAN_TO = 70;

  /**
   * Whether a full build reads and scans the file's text (a seed's and a fixture's it does not).
   */
  static boolean scanned(ProjectFile f) {
    return f.kind() != FileKind.SEED && f.kind() != FileKind.FIXTURE && !f.isPython();
  }

  public Manifest build() {
    cache.forgetUpdateContext();
    cache.readAhead(); // a full build takes every parse the cache file holds: read beside the setup
    ParseContext context = new ParseContext(inputs, cache, yaml, dynamicParse, namer);
    List<Problem> problems = context.problems;
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
    // the files from disk beside the scan, when they are not in the page cache
    ReadAhead ahead = ReadAhead.files(work, ManifestBuilder::scanned, scanned::get);
    try {
      dev.dbtls.project.Parallel.forEach(
          work,
          f -> {
            int done = scanned.incrementAndGet();
            if (done % Math.max(1, total / 20) == 0) {
              progress.report(
                  SCAN_FROM + (SCAN_TO - SCAN_FROM) * done / total, "scanning " + total + " files");
            }
            String display = inputs.displayPath(f);
            if (f.kind() == FileKind.PROPERTIES) {
              props.put(f, cache.properties(f, display));
            } else if (scanned(f)) {
              ParsedFile p = cache.scan(f, display);
              parsed.put(f, p);
              problems.addAll(p.syntaxProblems());
            }
          });
    } finally {
      ahead.stop();
    }
    cache.wholeProjectScanned();
    context.phase("scan and parse files");
    if (ahead.fromDisk()) {
      context.phase("(files read ahead from disk)");
    }
    inputs.files().stream()
        .filter(props::containsKey)
        .forEach(f -> context.addProperties(f, props.get(f)));
    problems.addAll(context.properties.problems);

    context.phase("property index");
    progress.report(SCAN_TO + 2, "macros and docs");
    Map<String, Macro> macros = new MacroParser(inputs, context.properties).macros(parsed);
    DocsParser docsParser = new DocsParser(inputs, problems);
    Map<String, DocBlock> docs = docsParser.docs(parsed);
    docsParser.checkDocRefs(props.values(), docs);
    Descriptions descriptions = new Descriptions(docs);
    SqlNodeParser sqlNodes =
        new SqlNodeParser(context, descriptions, MacroParser.refMacros(parsed, inputs.vars()));
    context.phase("macros and docs");
    progress.report(SCAN_TO + 5, "models");
    List<Node> drafts = Collections.synchronizedList(new ArrayList<>());
    dev.dbtls.project.Parallel.forEach(
        inputs.files(), f -> drafts.addAll(drafts(sqlNodes.sqlNodes(f, parsed.get(f)))));
    context.phase("sql nodes");
    progress.report(SCAN_TO + 10, "seeds, sources and tests");
    drafts.addAll(drafts(new SeedParser(context, descriptions).seeds()));
    drafts.addAll(drafts(new SourceParser(context, descriptions).sources()));
    drafts.addAll(drafts(new ExposureParser(context, descriptions).exposures()));
    drafts.addAll(drafts(new YamlSnapshotParser(context, descriptions).snapshots()));
    drafts.addAll(
        GenericTests.of(
            inputs,
            context.properties,
            new GenericTests.ConfigSource() {
              @Override
              public Map<String, Object> configFor(
                  ResourceType type, String pkg, List<String> fqn) {
                return context.configs.configFor(type, pkg, fqn);
              }

              @Override
              public Map<String, Object> testConfig(
                  Map<String, Object> config, String pkg, String file, Span at) {
                // dbt renders a test's configs with macros in scope: what needs one (a `where`
                // calling
                // dbt.dateadd) stays as written here, and compiling the test renders it
                return yaml.config(config, pkg, false, (text, message) -> {});
              }
            },
            previous::draft));
    context.phase("seeds, sources, tests");
    progress.report(SCAN_TO + 18, "resolving refs");
    drafts.sort(java.util.Comparator.comparing(Node::uniqueId));

    Linker linker = new Linker(context);
    Map<String, Node> enabled = new LinkedHashMap<>();
    Map<String, Node> disabled = new LinkedHashMap<>();
    for (Node n : drafts) {
      Map<String, Node> into = n.enabled() ? enabled : disabled;
      Node earlier = into.putIfAbsent(n.uniqueId(), n);
      if (earlier != null && n.enabled()) {
        linker.duplicate(earlier, n);
      }
    }
    for (PropertyIndex.Owned<NodeSpec> o : context.properties.unused()) {
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
    linker.disableTestsWithoutTarget(draft, enabled, disabled);
    Map<String, Node> resolved = new LinkedHashMap<>();
    // in id order (as resolved is): the DAG sorts its ids, which costs little on sorted input
    Map<String, List<String>> parents = new LinkedHashMap<>();
    dev.dbtls.project.Parallel.map(
            new ArrayList<>(enabled.values()), n -> previous.linked(linker.resolve(draft, n)))
        .forEach(
            n -> {
              resolved.put(n.uniqueId(), n);
              parents.put(n.uniqueId(), n.dependsOn());
            });
    // the models linked so far, for the unit tests and the Semantic Layer to look up: a manifest
    // indexes every node, so each parser asks for it only when it has something to look up
    java.util.function.Supplier<Manifest> linkedSoFar =
        () -> new Manifest(inputs, resolved, disabled, macros, docs, new Dag(Map.of()), List.of());
    // unit tests test linked models: made after the links, each depending on its model
    for (Node made : new UnitTestParser(context, descriptions).unitTests(linkedSoFar)) {
      Node u = previous.linked(made);
      if (!u.enabled()) {
        disabled.putIfAbsent(u.uniqueId(), u);
      } else if (resolved.putIfAbsent(u.uniqueId(), u) == null) {
        parents.put(u.uniqueId(), u.dependsOn());
      } else {
        linker.duplicate(resolved.get(u.uniqueId()), u);
      }
    }
    // the Semantic Layer reads linked models: made after them, each depending on what it names
    // (made after the unit tests joined resolved; once, however many semantic models ask)
    for (Node made :
        new SemanticLayerParser(context, descriptions)
            .nodes(com.google.common.base.Suppliers.memoize(linkedSoFar::get))) {
      Node s = previous.linked(made);
      if (!s.enabled()) {
        disabled.putIfAbsent(s.uniqueId(), s);
      } else if (resolved.putIfAbsent(s.uniqueId(), s) == null) {
        parents.put(s.uniqueId(), s.dependsOn());
      } else {
        linker.duplicate(resolved.get(s.uniqueId()), s);
      }
    }
    context.phase("resolve refs");
    progress.report(SCAN_TO + 26, "dependency graph");
    // the nodes before, nearly all the same objects: the graph before, or made from it, and then
    // the manifest before's indexes too (a new cycle, and both are made whole, as after a model
    // edit: an edit's column run takes no cycle from a view)
    Map<String, Node> changed = previous.changed(resolved);
    Dag kept = changed == null ? null : previous.dag(changed);
    Dag dag = kept != null ? kept : new Dag(parents);
    linker.cycles(dag, resolved);
    context.phase("dag and cycles");
    List<Problem> all = List.copyOf(problems);
    return kept != null
        ? previous.manifest(inputs, changed, disabled, macros, docs, dag, all)
        : new Manifest(inputs, resolved, disabled, macros, docs, dag, all);
  }

  /** {@code made} with the parts of their previous nodes that are exactly theirs. */
  private List<Node> drafts(List<Node> made) {
    if (previous == PreviousNodes.NONE) {
      return made;
    }
    List<Node> out = new ArrayList<>(made.size());
    made.forEach(n -> out.add(previous.draft(n)));
    return out;
  }

  /**
   * The manifest after an edit of SQL files that define nodes, without relinking the whole project;
   * null when the edit may change more than those nodes (see {@link ManifestUpdate}).
   */
  public Manifest update(Manifest previous, java.util.Set<java.nio.file.Path> changed) {
    return new ManifestUpdate(
            inputs,
            cache,
            properties -> new ParseContext(inputs, cache, yaml, dynamicParse, namer, properties))
        .update(previous, changed);
  }

  /**
   * The manifest after an edit of macro files that keeps every macro's name, without building the
   * whole project: the macros taken again and the nodes a parse render decides rendered again with
   * this builder's engine; null when the edit may change more (see {@link MacroUpdate}). {@code
   * engineBefore}: the problems {@code previous} took from its engine, left to the caller to find
   * again.
   */
  public Manifest macroUpdate(
      Manifest previous, java.util.Set<java.nio.file.Path> changed, List<Problem> engineBefore) {
    return new MacroUpdate(inputs, cache).update(previous, changed, engineBefore, this::update);
  }
}
