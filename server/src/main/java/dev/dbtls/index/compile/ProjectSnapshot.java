package dev.dbtls.index.compile;

import dev.dbtls.index.Dag;
import dev.dbtls.index.InputLog;
import dev.dbtls.index.LinkedCache;
import dev.dbtls.index.LoadProgress;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.ManifestBuilder;
import dev.dbtls.index.ParseCache;
import dev.dbtls.jinja.DbtJinja;
import dev.dbtls.jinja.JinjaSetup;
import dev.dbtls.jinja.MacroFile;
import dev.dbtls.project.Dispatch;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One consistent state of a project: its inputs, the template engine loaded with every macro, and
 * the manifest. Immutable; a change builds a new snapshot. The engine is built on first use,
 * because listing a project whose refs and configs are all literal never renders.
 */
public final class ProjectSnapshot {
  private final ProjectInputs inputs;
  private final LazyEngine jinja;
  private final Manifest manifest;
  private final Map<String, String> env;
  private final FileSource files;
  private volatile ProjectKnownColumns knownColumns;
  private volatile RenderInputs renderInputs;

  /** What a layer above derives from this snapshot and keeps with it ({@link #derived}). */
  private Object derived;

  private ProjectSnapshot(
      ProjectInputs inputs,
      LazyEngine jinja,
      Manifest manifest,
      Map<String, String> env,
      FileSource files) {
    this.inputs = inputs;
    this.jinja = jinja;
    this.manifest = manifest;
    this.env = env;
    this.files = files;
  }

  /**
   * Loads a project. With {@code warmEngine} the engine is built in the background while the files
   * are parsed (for commands that render everything); otherwise on first use.
   */
  public static ProjectSnapshot load(
      Path projectDir,
      ProjectInputs.Options options,
      List<Path> builtinMacroDirs,
      FileSource files,
      boolean warmEngine) {
    return load(projectDir, options, builtinMacroDirs, files, warmEngine, new ParseCache());
  }

  /** As {@link #load}, keeping file scans in {@code cache} for later {@link #rebuild}s. */
  public static ProjectSnapshot load(
      Path projectDir,
      ProjectInputs.Options options,
      List<Path> builtinMacroDirs,
      FileSource files,
      boolean warmEngine,
      ParseCache cache) {
    return load(projectDir, options, builtinMacroDirs, files, warmEngine, cache, LoadProgress.NONE);
  }

  /** As {@link #load}, telling {@code progress} how far it has come. */
  public static ProjectSnapshot load(
      Path projectDir,
      ProjectInputs.Options options,
      List<Path> builtinMacroDirs,
      FileSource files,
      boolean warmEngine,
      ParseCache cache,
      LoadProgress progress) {
    dev.dbtls.project.Timing.begin();
    progress.report(0, "reading files");
    cache.forgetUpdateContext();
    LinkedCache linked = cache.linked();
    if (linked != null) {
      linked.decodeAhead(); // beside the reading of the inputs, which its restore needs
    }
    // every file, folder and variable the load reads is logged: what the linked cache checks; a
    // file whose stamp the kept log vouches for is read only when its text is asked for
    InputLog log =
        new InputLog(files, options.env(), linked == null ? java.util.Map::of : linked::known);
    ProjectInputs inputs =
        ProjectInputs.load(
            projectDir,
            new ProjectInputs.Options(
                options.profilesDir(),
                options.profile(),
                options.target(),
                options.cliVars(),
                log.env(),
                options.dbtVersion()),
            log.files());
    dev.dbtls.project.Timing.mark("inputs read");
    progress.listed(inputs);
    Map<String, String> env = log.env();
    // with a linked manifest to restore, the engine is warmed after it: built beside the reading
    // of the inputs, it took the core the reading had (the restore needs no engine)
    LazyEngine jinja =
        new LazyEngine(
            setup(inputs, builtinMacroDirs, env, log.files()), warmEngine && linked == null);
    String key = linkedKey(options, builtinMacroDirs);
    LinkedCache.Restored restored = linked == null ? null : linked.restore(inputs, log, key);
    dev.dbtls.project.Timing.mark(restored == null ? "no linked manifest" : "linked manifest read");
    if (restored != null) {
      Manifest m = restored.manifest();
      boolean changed = !restored.changed().isEmpty();
      if (changed) {
        m = builder(inputs, jinja, env, cache).update(m, restored.changed());
      }
      if (m != null) {
        progress.report(96, "restored from the last session");
        if (warmEngine) {
          jinja.warm();
        }
        // a manifest kept with the engine's problems needs no engine to be whole: the first
        // answers of a warm start do not wait for every macro to be parsed
        boolean engine = !restored.engineProblems() && jinja.started();
        ProjectSnapshot s =
            restored.engineProblems()
                ? new ProjectSnapshot(inputs, jinja, m, env, files)
                : withEngineProblems(inputs, jinja, m, env, files, engine);
        // kept again when nodes changed, or when files the log had no stamp for have one now
        // (written shortly before it was): the next session need not read them; as the changes
        // to the file when they are few
        if (changed || log.newlyStamped() > 0) {
          Map<String, Long> read = new java.util.HashMap<>(restored.log());
          read.putAll(log.entries());
          linked.keep(
              s.manifest,
              restored.engineProblems() || engine,
              read,
              log.stamps(),
              key,
              restored.base());
        }
        return s;
      }
    }
    if (warmEngine || rootMacrosCallRefs(inputs)) {
      jinja.warm();
    }
    Manifest manifest = builder(inputs, jinja, env, cache).progress(progress).build();
    boolean engine = jinja.started();
    ProjectSnapshot s = withEngineProblems(inputs, jinja, manifest, env, files, engine);
    if (linked != null) {
      linked.keep(s.manifest, engine, log.entries(), log.stamps(), key, null);
    }
    return s;
  }

  /**
   * Whether the project's own macros call {@code ref} or {@code source}: then models that call them
   * are rendered to find their refs, and the engine built beside the scan is ready when they are
   * (built on first use instead, the other parse thread waited for it). Package macros do not
   * count: dbt_utils mentions {@code ref(} in every project that installs it.
   */
  private static boolean rootMacrosCallRefs(ProjectInputs inputs) {
    String root = inputs.root().name();
    return inputs.files().stream()
        .anyMatch(
            f ->
                f.kind() == FileKind.MACRO
                    && f.packageName().equals(root)
                    && f.text() != null
                    && (f.text().contains("ref(") || f.text().contains("source(")));
  }

  /**
   * What a linked manifest depends on besides what the load read: the options that choose among
   * what was read, and the folders of dbt's own macros.
   */
  private static String linkedKey(ProjectInputs.Options o, List<Path> builtinMacroDirs) {
    return String.join(
        "\n",
        String.valueOf(o.profilesDir()),
        String.valueOf(o.profile()),
        String.valueOf(o.target()),
        String.valueOf(o.cliVars()),
        String.valueOf(o.dbtVersion()),
        String.valueOf(builtinMacroDirs));
  }

  /**
   * A snapshot of {@code inputs} derived from {@code previous} by {@link ProjectInputs#withFile}:
   * unchanged files come from {@code cache}, and the engine is shared with {@code previous} unless
   * a macro file changed (the engine holds nothing else that a file change can touch).
   */
  /**
   * As {@link #rebuild(ProjectSnapshot, ProjectInputs, List, FileSource, ParseCache)}, knowing
   * which files changed: an edit of model files relinks only their nodes ({@link
   * ManifestBuilder#update}) when it can.
   */
  public static ProjectSnapshot rebuild(
      ProjectSnapshot previous,
      ProjectInputs inputs,
      List<Path> builtinMacroDirs,
      FileSource files,
      ParseCache cache,
      java.util.Set<Path> changed) {
    if (macroFiles(previous.inputs).equals(macroFiles(inputs))) {
      Manifest empty =
          new Manifest(
              inputs, Map.of(), Map.of(), Map.of(), Map.of(), new Dag(Map.of()), List.of());
      Manifest updated =
          new ManifestBuilder(
                  inputs,
                  new JinjaDynamicParse(previous.jinja, empty, previous.env),
                  JinjaRelationNamer.forProject(previous.jinja, empty, previous.env),
                  cache)
              .yamlRenderer(new YamlConfigRenderer(inputs, previous.env))
              .update(previous.manifest, changed);
      if (updated != null) {
        return new ProjectSnapshot(inputs, previous.jinja, updated, previous.env, files);
      }
      return rebuild(previous, inputs, previous.jinja, files, cache);
    }
    // an edit of macros: the nodes a render decides are rendered again with a new engine
    // (MacroUpdate), unless the edit may change more
    LazyEngine jinja = newEngine(previous, inputs, builtinMacroDirs, files);
    Manifest updated =
        builder(inputs, jinja, previous.env, cache)
            .macroUpdate(
                previous.manifest,
                changed,
                previous.jinja.started() ? previous.jinja.get().setupProblems() : List.of());
    if (updated != null) {
      return withEngineProblems(inputs, jinja, updated, previous.env, files, jinja.started());
    }
    return rebuild(previous, inputs, jinja, files, cache);
  }

  public static ProjectSnapshot rebuild(
      ProjectSnapshot previous,
      ProjectInputs inputs,
      List<Path> builtinMacroDirs,
      FileSource files,
      ParseCache cache) {
    LazyEngine jinja =
        macroFiles(previous.inputs).equals(macroFiles(inputs))
            ? previous.jinja
            : newEngine(previous, inputs, builtinMacroDirs, files);
    return rebuild(previous, inputs, jinja, files, cache);
  }

  /** A full build of {@code inputs} with {@code jinja}, keeping what it makes again as it was. */
  private static ProjectSnapshot rebuild(
      ProjectSnapshot previous,
      ProjectInputs inputs,
      LazyEngine jinja,
      FileSource files,
      ParseCache cache) {
    Manifest manifest =
        builder(inputs, jinja, previous.env, cache).replacing(previous.manifest).build();
    return withEngineProblems(inputs, jinja, manifest, previous.env, files, jinja.started());
  }

  /** The engine of {@code inputs}' macros, started when {@code previous}' was. */
  private static LazyEngine newEngine(
      ProjectSnapshot previous,
      ProjectInputs inputs,
      List<Path> builtinMacroDirs,
      FileSource files) {
    return new LazyEngine(
        setup(inputs, builtinMacroDirs, previous.env, files),
        previous.jinja.started(),
        previous.jinja);
  }

  private static List<ProjectFile> macroFiles(ProjectInputs inputs) {
    return inputs.files().stream()
        .filter(f -> f.kind() == FileKind.MACRO || f.kind() == FileKind.GENERIC_TEST)
        .toList();
  }

  private static ManifestBuilder builder(
      ProjectInputs inputs, LazyEngine jinja, Map<String, String> env, ParseCache cache) {
    Manifest empty =
        new Manifest(inputs, Map.of(), Map.of(), Map.of(), Map.of(), new Dag(Map.of()), List.of());
    return new ManifestBuilder(
            inputs,
            new JinjaDynamicParse(jinja, empty, env),
            JinjaRelationNamer.forProject(jinja, empty, env),
            cache)
        .yamlRenderer(new YamlConfigRenderer(inputs, env));
  }

  /**
   * The snapshot of a built manifest; when the engine was started ({@code engine}: warmed, or used
   * by the build), with the problems only the engine finds.
   */
  private static ProjectSnapshot withEngineProblems(
      ProjectInputs inputs,
      LazyEngine jinja,
      Manifest manifest,
      Map<String, String> env,
      FileSource files,
      boolean engine) {
    if (!engine) {
      return new ProjectSnapshot(inputs, jinja, manifest, env, files);
    }
    // the scanner already reported syntax errors of macro files; add what only the engine finds
    java.util.Set<String> located = new java.util.HashSet<>();
    manifest.problems().stream()
        .filter(p -> p.code() == dev.dbtls.project.ProblemCode.JINJA_SYNTAX)
        .forEach(p -> located.add(p.file()));
    List<Problem> problems = new ArrayList<>(manifest.problems());
    jinja.get().setupProblems().stream()
        .filter(p -> !located.contains(p.file()))
        .forEach(problems::add);
    return new ProjectSnapshot(
        inputs, jinja, manifest.withProblems(List.copyOf(problems)), env, files);
  }

  public static ProjectSnapshot load(
      Path projectDir,
      ProjectInputs.Options options,
      List<Path> builtinMacroDirs,
      FileSource files) {
    return load(projectDir, options, builtinMacroDirs, files, true);
  }

  public ProjectInputs inputs() {
    return inputs;
  }

  /** Where the project's files are read from (unsaved buffers over the disk). */
  public FileSource files() {
    return files == null ? FileSource.DISK : files;
  }

  public DbtJinja jinja() {
    return jinja.get();
  }

  public Manifest manifest() {
    return manifest;
  }

  /**
   * The data a layer above derives from this snapshot and shares between its readers (the editor
   * features' tables): made by {@code make} on first use, then the same object, gone with the
   * snapshot. One kind per snapshot; asking for another type is a programming error.
   */
  public synchronized <T> T derived(Class<T> type, java.util.function.Supplier<T> make) {
    if (derived == null) {
      derived = make.get();
    }
    return type.cast(derived);
  }

  /**
   * What renders this snapshot's templates, as an identity only: equal for two snapshots exactly
   * when {@link #sharesEngineWith} is true. Holding it does not hold the snapshot.
   */
  public Object engineIdentity() {
    return jinja;
  }

  /**
   * The macros ({@code package.name}) whose calls run something other in this snapshot than with
   * the engine {@code engineBefore} ({@link #engineIdentity}) of a snapshot this one was made from
   * by edits of files ({@link #rebuild}); empty when the engine is the same. A render whose
   * template and context are as they were and that ran none of them renders as it did. Null when
   * that is not known: a snapshot loaded anew, an engine never built, macros added or removed.
   */
  public java.util.Set<String> macrosChangedSince(Object engineBefore) {
    return engineBefore instanceof LazyEngine e ? jinja.macrosChangedSince(e) : null;
  }

  /** Whether both snapshots render with the same engine (no macro changed between them). */
  public boolean sharesEngineWith(ProjectSnapshot other) {
    return other != null && jinja == other.jinja;
  }

  public Map<String, String> env() {
    return env;
  }

  /**
   * What this snapshot's renders read, per model ({@link RenderInputs}), made once on first use.
   */
  public RenderInputs renderInputs() {
    RenderInputs r = renderInputs;
    if (r == null) {
      synchronized (this) {
        if (renderInputs == null) {
          JinjaSetup setup = jinja.setup();
          renderInputs =
              new RenderInputs(
                  inputs,
                  setup.macroFiles(),
                  setup.dispatchSearchOrder(),
                  env,
                  manifest,
                  files == null ? FileSource.DISK : files);
        }
        r = renderInputs;
      }
    }
    return r;
  }

  /**
   * What the project knows of relations' columns (seeds, YAML columns with types), for
   * introspection without a warehouse; built once per snapshot, on first use.
   */
  dev.dbtls.jinja.KnownColumns knownColumns() {
    ProjectKnownColumns k = knownColumns;
    if (k == null) {
      synchronized (this) {
        if (knownColumns == null) {
          NodeCompiler compiler = new NodeCompiler(this);
          knownColumns =
              new ProjectKnownColumns(
                  manifest,
                  inputs.target().adapter(),
                  files == null ? FileSource.DISK : files,
                  n -> {
                    CompiledNode c = compiler.compile(n);
                    return c.failed() ? null : c.sql();
                  });
        }
        k = knownColumns;
      }
    }
    return k;
  }

  static JinjaSetup setup(
      ProjectInputs inputs, List<Path> builtinDirs, Map<String, String> env, FileSource files) {
    List<MacroFile> macros =
        new ArrayList<>(BuiltinMacros.load(inputs.target().type(), builtinDirs, env, files));
    for (ProjectFile f : inputs.files()) {
      if (f.kind() == FileKind.MACRO || f.kind() == FileKind.GENERIC_TEST) {
        macros.add(
            new MacroFile(
                f.packageName(),
                inputs.displayPath(f),
                f.text(),
                f.kind() == FileKind.GENERIC_TEST));
      }
    }
    Map<String, List<String>> searchOrder = new LinkedHashMap<>();
    for (Dispatch d : inputs.root().dispatch()) {
      searchOrder.put(d.macroNamespace(), d.searchOrder());
    }
    return new JinjaSetup(
        inputs.target().adapter(),
        inputs.root().name(),
        List.copyOf(macros),
        searchOrder,
        null,
        inputs.dbtVersion());
  }
}
