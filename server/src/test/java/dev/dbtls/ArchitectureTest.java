package dev.dbtls;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/ARCHITECTURE.md, checked on the server's classes: layers import downwards only,
 * only {@code lsp} knows LSP4J, {@code ide} is reached through {@link dev.dbtls.ide.Analysis} and
 * its plain data and starts no thread, the core layers hold no project state in statics, and only
 * {@link dev.dbtls.project.Parallel} spreads work over threads (no parallel stream).
 */
class ArchitectureTest {
  /**
   * The server's own classes (the folder they were compiled to): classes they use are known by
   * name.
   */
  private static final JavaClasses SERVER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importUrl(
              dev.dbtls.ide.Analysis.class.getProtectionDomain().getCodeSource().getLocation());

  private static final String[] CORE = {
    "dev.dbtls.project..",
    "dev.dbtls.jinja..",
    "dev.dbtls.index..",
    "dev.dbtls.sql..",
    "dev.dbtls.columns..",
    "dev.dbtls.ide.."
  };

  @Test
  void layersImportDownwardsOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("project")
        .definedBy("dev.dbtls.project..")
        .layer("jinja")
        .definedBy("dev.dbtls.jinja..")
        .layer("index")
        .definedBy("dev.dbtls.index..")
        .layer("sql")
        .definedBy("dev.dbtls.sql..")
        .layer("columns")
        .definedBy("dev.dbtls.columns..")
        .layer("ide")
        .definedBy("dev.dbtls.ide..")
        .layer("store")
        .definedBy("dev.dbtls.store..")
        .layer("warehouse")
        .definedBy("dev.dbtls.warehouse..")
        .layer("benchmark")
        .definedBy("dev.dbtls.benchmark..")
        .layer("query")
        .definedBy("dev.dbtls.query..")
        .layer("run")
        .definedBy("dev.dbtls.run..")
        .layer("workspace")
        .definedBy("dev.dbtls.workspace..")
        .layer("lsp")
        .definedBy("dev.dbtls.lsp..")
        .layer("mcp")
        .definedBy("dev.dbtls.mcp..")
        .layer("cli")
        .definedBy("dev.dbtls.cli..")
        .layer("protocol")
        .definedBy("dev.dbtls.protocol..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("lsp")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("mcp")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("protocol")
        .mayOnlyBeAccessedByLayers("lsp", "cli")
        .whereLayer("workspace")
        .mayOnlyBeAccessedByLayers("lsp", "mcp", "cli")
        .whereLayer("run")
        .mayOnlyBeAccessedByLayers("workspace", "lsp", "mcp", "cli")
        .whereLayer("query")
        .mayOnlyBeAccessedByLayers("run", "workspace", "lsp", "mcp", "cli")
        .whereLayer("benchmark")
        .mayOnlyBeAccessedByLayers("query", "workspace", "lsp", "mcp", "cli")
        .whereLayer("warehouse")
        .mayOnlyBeAccessedByLayers("benchmark", "query", "run", "workspace", "lsp", "mcp", "cli")
        .whereLayer("store")
        .mayOnlyBeAccessedByLayers(
            "warehouse", "benchmark", "query", "workspace", "lsp", "mcp", "cli")
        .whereLayer("ide")
        .mayOnlyBeAccessedByLayers("query", "workspace", "lsp", "mcp", "cli")
        .whereLayer("columns")
        .mayOnlyBeAccessedByLayers("ide", "query", "workspace", "lsp", "mcp", "cli")
        .whereLayer("sql")
        .mayOnlyBeAccessedByLayers(
            "columns",
            "ide",
            "warehouse",
            "benchmark",
            "query",
            "run",
            "workspace",
            "lsp",
            "mcp",
            "cli")
        .whereLayer("index")
        .mayOnlyBeAccessedByLayers(
            "sql",
            "columns",
            "ide",
            "warehouse",
            "benchmark",
            "query",
            "run",
            "workspace",
            "lsp",
            "mcp",
            "cli")
        .whereLayer("jinja")
        .mayOnlyBeAccessedByLayers(
            "index", "sql", "columns", "ide", "query", "run", "workspace", "lsp", "mcp", "cli")
        .check(SERVER);
  }

  @Test
  void onlyLspKnowsLsp4j() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.dbtls.lsp..", "dev.dbtls.protocol..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.eclipse.lsp4j..")
        .because("only the lsp package converts between LSP and plain data")
        .check(SERVER);
  }

  @Test
  void onlyTheBigQueryEngineKnowsGooglesLibraryAndNothingNamesTheEngine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.dbtls.warehouse.bigquery..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.google.cloud..", "com.google.auth..", "com.google.api..")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("dev.dbtls.warehouse.bigquery..")
        .because(
            "the engine and Google's library are loaded by their own class loader (EngineLoader),"
                + " which the server's own class path does not hold")
        .check(SERVER);
  }

  /**
   * Classes of {@code ide} used from outside without going through {@link dev.dbtls.ide.Analysis},
   * and why; a new one fails the test until it is given a reason here or moves behind the door.
   */
  private static final Map<String, String> IDE_ENTRY_POINTS =
      Map.of(
          "dev.dbtls.ide.NodeColumns",
              "the one precedence of a node's column sources, which the columns job applies",
          "dev.dbtls.ide.EditorRequests",
              "the background columns job gives way to the editor's requests",
          "dev.dbtls.ide.FeatureFailures", "the columns job logs a failure as the features do",
          "dev.dbtls.ide.SemanticTokens", "the token legend the server announces at initialize",
          "dev.dbtls.ide.Cancellation",
              "the lsp layer runs each request under the cancel check features poll",
          "dev.dbtls.ide.PlanSources",
              "explain traces each plan step to its ref, source or CTE in the template",
          "dev.dbtls.ide.Ctes", "the one CTE reader of templates, which a preview up to a CTE uses",
          "dev.dbtls.ide.SqlTokens", "the one SQL lexer of templates, which inlining parents uses",
          "dev.dbtls.ide.RefCompletionFromFiles",
              "a ref(' during a first load, answered from the listed files: no analysis yet",
          "dev.dbtls.ide.RefDefinitionFromFiles",
              "a ref's model during a first load, found from the listed files: no analysis yet");

  /** What callers outside {@code ide} may use of it: the door, the owner's handles, plain data. */
  private static final DescribedPredicate<JavaClass> IDE_SURFACE =
      describe(
          "Analysis, ProjectFacts, ProjectCatalog, or plain data (records, enums, interfaces)",
          c ->
              !c.getPackageName().startsWith("dev.dbtls.ide")
                  || c.getSimpleName().equals("Analysis")
                  || c.getSimpleName().equals("ProjectFacts")
                  || c.getSimpleName().equals("ProjectCatalog")
                  || c.isRecord()
                  || c.isEnum()
                  || c.isInterface()
                  || IDE_ENTRY_POINTS.containsKey(c.getName()));

  @Test
  void ideIsReachedThroughAnalysisAndItsData() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.dbtls.ide..")
        .should()
        .dependOnClassesThat(DescribedPredicate.not(IDE_SURFACE))
        .check(SERVER);
  }

  @Test
  void ideStartsNoThreadAndTalksToNoNetworkOrDatabase() {
    noClasses()
        .that()
        .resideInAPackage("dev.dbtls.ide..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.Thread")
        .orShould()
        .dependOnClassesThat()
        .haveNameMatching("java\\.util\\.concurrent\\..*Executor.*")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.ForkJoinPool")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.net..", "java.sql..", "dev.dbtls.store..", "dev.dbtls.warehouse..")
        .because("ide is plain data: the workspace's ProjectSession owns background work")
        .check(SERVER);
  }

  @Test
  void workIsSpreadOverThreadsByParallelAlone() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(dev.dbtls.project.Parallel.class.getName())
        .should()
        .callMethodWhere(
            describe(
                "a parallel stream",
                call ->
                    call.getName().equals("parallelStream")
                        || (call.getName().equals("parallel")
                            && call.getTargetOwner()
                                .isAssignableTo(java.util.stream.BaseStream.class))))
        .because(
            "a parallel stream cuts its list into fixed parts up front, and on two cores the"
                + " caller waited for the pool's last (README benchmarks, twenty-ninth round)")
        .check(SERVER);
  }

  @Test
  void onlyTheUsersDbtAndGitStartProcesses() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.dbtls.run.dbt..")
        .and()
        .doNotHaveFullyQualifiedName("dev.dbtls.query.GitHead")
        .and()
        .doNotHaveFullyQualifiedName("dev.dbtls.mcp.BuildTool")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.ProcessBuilder")
        .because(
            "starting a process is IO, like a network call: the user's dbt and git only, and"
                + " dbtls build/test itself for an agent (mcp --allow-build)")
        .check(SERVER);
  }

  /**
   * Static fields of the core that are not constants, and why they hold no project's state; a new
   * one fails the test until it is given a reason here.
   */
  private static final Map<String, String> CORE_STATICS =
      Map.ofEntries(
          Map.entry(
              "dev.dbtls.ide.EditorRequests.RUNNING",
              "the editor's requests under way, process-wide"),
          Map.entry(
              "dev.dbtls.ide.FeatureFailures.SEEN",
              "which failures were logged once, process-wide"),
          Map.entry(
              "dev.dbtls.ide.Cancellation.CURRENT",
              "the cancel check of the request this thread serves"),
          Map.entry(
              "dev.dbtls.index.GenericTestNames.MD5", "a digest per thread, for a pure function"),
          Map.entry(
              "dev.dbtls.ide.Symbol$LastYaml.last",
              "a memo of a pure parse, keyed by path and text"),
          Map.entry(
              "dev.dbtls.jinja.jinjava.ForTag.HEADERS", "a memo of a pure parse, keyed by text"),
          Map.entry("dev.dbtls.index.Selector.GLOBS", "compiled patterns, keyed by glob"),
          Map.entry(
              "dev.dbtls.index.YamlDependency.CACHE", "a memo of a pure parse, keyed by text"),
          Map.entry(
              "dev.dbtls.sql.SqlParse.EXECUTOR",
              "JSqlParser's time limit runs a parse on an executor"),
          Map.entry(
              "dev.dbtls.sql.SqlParse.warm",
              "whether the parser's classes are loaded, process-wide"),
          Map.entry(
              "dev.dbtls.sql.ParseDeadlines.RUNNING",
              "parses under way and their deadlines, process-wide"),
          Map.entry(
              "dev.dbtls.sql.ParseDeadlines.idle",
              "whether the deadline watcher waits, process-wide"),
          Map.entry(
              "dev.dbtls.project.Span.RECENT",
              "the spans a thread made last, one object for equal values: no project state"),
          Map.entry(
              "dev.dbtls.project.Timing.LAST",
              "-Ddbtls.timing's last mark per thread: a measurement, no project state"),
          Map.entry(
              "dev.dbtls.index.ReadAhead.BUFFER",
              "a reading thread's buffer, whose bytes are dropped: no project state"));

  private static final DescribedPredicate<JavaField> MUTABLE_STATIC =
      describe(
          "static and not final, or of a collection, map, atomic or executor type",
          f ->
              f.getModifiers().contains(JavaModifier.STATIC)
                  && !f.getModifiers().contains(JavaModifier.SYNTHETIC)
                  && (!f.getModifiers().contains(JavaModifier.FINAL) || holder(f.getRawType())));

  /**
   * Types that hold state that changes (a declared {@code Map} may be a constant: not told apart).
   */
  private static boolean holder(JavaClass type) {
    String n = type.getName();
    return n.startsWith("java.util.concurrent.")
        || n.equals("java.util.HashMap")
        || n.equals("java.util.WeakHashMap")
        || n.equals("java.lang.ThreadLocal");
  }

  @Test
  void theCoreHoldsNoProjectStateInStatics() {
    noFields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage(CORE)
        .and(MUTABLE_STATIC)
        .and(
            describe(
                "not listed with a reason",
                f -> !CORE_STATICS.containsKey(f.getOwner().getName() + "." + f.getName())))
        .should()
        .beStatic()
        .because(
            "a project's state belongs to its owner (workspace.ProjectSession), not to a class")
        .allowEmptyShould(true)
        .check(SERVER);
  }
}
