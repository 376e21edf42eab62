package dev.dbtls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.ide.Analysis;
import dev.dbtls.ide.CompileFile;
import dev.dbtls.ide.ProjectDiagnostics;
import dev.dbtls.ide.TextEdit;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.Span;
import dev.dbtls.testing.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path dir;
  Path shop;
  Workspace workspace;
  final List<ProjectSnapshot> built = new CopyOnWriteArrayList<>();

  @BeforeEach
  void project() throws IOException {
    shop = dir.resolve("shop");
    Files.createDirectories(shop.resolve("models"));
    Files.writeString(shop.resolve("dbt_project.yml"), "name: shop\nprofile: shop\n");
    Files.writeString(
        shop.resolve("profiles.yml"),
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n");
    Files.writeString(shop.resolve("models/a.sql"), "select 1 as id\n");
    Files.writeString(shop.resolve("models/b.sql"), "select * from {{ ref('a') }}\n");
    workspace =
        new Workspace(
            FileSource.DISK,
            ProjectInputs.Options.defaults(),
            List.of(),
            10,
            (d, s) -> built.add(s));
    workspace.addFolders(List.of(dir));
  }

  @AfterEach
  void close() {
    workspace.close();
  }

  private ProjectSnapshot upToDate() throws Exception {
    return workspace.upToDate(shop).get(30, TimeUnit.SECONDS);
  }

  private static List<ProblemCode> codes(ProjectSnapshot s, String file) {
    return s.manifest().problems().stream()
        .filter(p -> p.file().equals(file))
        .map(Problem::code)
        .toList();
  }

  @Test
  void theFirstColumnsWaitForTheStoreThatOpensAsTheFirstBuildEnds() throws Exception {
    dev.dbtls.store.Store kept = dev.dbtls.store.Store.open(dir.resolve("store.db"));
    kept.schemaCache()
        .save(
            shop.toAbsolutePath().normalize().toString(),
            "dev",
            Map.of(
                "model.shop.a", List.of(new dev.dbtls.store.SchemaCache.Column("id", "INTEGER"))));
    java.util.concurrent.CompletableFuture<dev.dbtls.store.Store> store =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<Boolean> knownWhenInferred =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.atomic.AtomicReference<Workspace> ws =
        new java.util.concurrent.atomic.AtomicReference<>();
    Workspace.Listener listener =
        new Workspace.Listener() {
          @Override
          public void built(Path projectDir, ProjectSnapshot snapshot) {
            // as the language server does: the store starts opening when a first build ends
            java.util.concurrent.CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)
                .execute(() -> store.complete(kept));
          }

          @Override
          public void log(Path projectDir, String message) { // the first columns are inferred
            knownWhenInferred.complete(
                ws.get()
                    .currentAnalysis(projectDir)
                    .map(a -> a.facts().catalog().knowsWarehouse())
                    .orElse(false));
          }
        };
    try (Workspace w =
        new Workspace(
            FileSource.DISK, ProjectInputs.Options.defaults(), List.of(), 10, listener, store)) {
      ws.set(w);
      w.addFolders(List.of(dir));
      assertTrue(
          knownWhenInferred.get(30, TimeUnit.SECONDS),
          "the schema an earlier session read was restored before the first columns");
    } finally {
      kept.close();
    }
  }

  @Test
  void aBuildThatFailsKeepsItsChangesForTheNextBuild() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean broken =
        new java.util.concurrent.atomic.AtomicBoolean();
    Path b = shop.resolve("models/b.sql");
    FileSource flaky =
        new FileSource() {
          @Override
          public java.util.Optional<String> read(Path file) {
            if (broken.get() && file.equals(b)) {
              throw new IllegalStateException("the disk hiccups");
            }
            return FileSource.DISK.read(file);
          }

          @Override
          public boolean isDirectory(Path d) {
            return FileSource.DISK.isDirectory(d);
          }

          @Override
          public List<Path> list(Path d, java.util.Set<String> suffixes) {
            return FileSource.DISK.list(d, suffixes);
          }
        };
    try (Workspace w =
        new Workspace(flaky, ProjectInputs.Options.defaults(), List.of(), 10, (d, s) -> {})) {
      w.addFolders(List.of(dir));
      assertEquals(List.of(), codes(w.upToDate(shop).get(30, TimeUnit.SECONDS), "models/b.sql"));
      broken.set(true);
      Files.writeString(b, "select * from {{ ref('missing') }}\n");
      w.changed(b);
      ProjectSnapshot kept = w.upToDate(shop).get(30, TimeUnit.SECONDS);
      assertEquals(
          List.of(), codes(kept, "models/b.sql"), "the failed build kept the last snapshot");
      broken.set(false);
      Path a = shop.resolve("models/a.sql");
      Files.writeString(a, "select 2 as id\n");
      w.changed(a); // the next build, for another file, still has b.sql's change
      assertEquals(
          List.of(ProblemCode.REF_UNKNOWN),
          codes(w.upToDate(shop).get(30, TimeUnit.SECONDS), "models/b.sql"));
    }
  }

  @Test
  void unsavedBuffersAreTheTruthUntilClosed() throws Exception {
    assertEquals(List.of(), codes(upToDate(), "models/b.sql"));
    Path b = shop.resolve("models/b.sql");
    workspace.files().open(b, "select * from {{ ref('missing') }}\n", 1);
    workspace.changed(b);
    assertEquals(List.of(ProblemCode.REF_UNKNOWN), codes(upToDate(), "models/b.sql"));

    workspace.files().change(b, 2, List.of(new TextEdit(new Span(0, 22, 0, 29), "a")));
    workspace.changed(b);
    ProjectSnapshot fixed = upToDate();
    assertEquals(List.of(), codes(fixed, "models/b.sql"));
    assertEquals(List.of("model.shop.a"), fixed.manifest().nodes().get("model.shop.b").dependsOn());

    workspace.files().open(b, "select * from {{ ref('missing') }}\n", 3);
    workspace.changed(b);
    assertFalse(codes(upToDate(), "models/b.sql").isEmpty());
    workspace.files().close(b);
    workspace.changed(b);
    assertEquals(List.of(), codes(upToDate(), "models/b.sql"), "the disk is the truth again");
  }

  @Test
  void theEngineIsRebuiltOnlyWhenAMacroChanges() throws Exception {
    Files.createDirectories(shop.resolve("macros"));
    Path macro = shop.resolve("macros/m.sql");
    Files.writeString(macro, "{% macro m() %}1{% endmacro %}\n");
    workspace.reload(shop);
    ProjectSnapshot first = upToDate();
    Path b = shop.resolve("models/b.sql");
    workspace.files().open(b, "select {{ m() }} as x\n", 1);
    workspace.changed(b);
    ProjectSnapshot edited = upToDate();
    assertTrue(first.jinja() == edited.jinja(), "same engine after a model edit");
    assertEquals("select 1 as x", CompileFile.compile(edited, b).orElseThrow().sql().strip());

    workspace.files().open(macro, "{% macro m() %}2{% endmacro %}\n", 1);
    workspace.changed(macro);
    ProjectSnapshot macroEdited = upToDate();
    assertFalse(edited.jinja() == macroEdited.jinja(), "a new engine after a macro edit");
    assertEquals("select 2 as x", CompileFile.compile(macroEdited, b).orElseThrow().sql().strip());
  }

  @Test
  void anEditInALocalPackageReadFromItsFolderRebuildsTheProjectThatUsesIt() throws Exception {
    // the package's repository holds its test project, which uses it from ../ without dbt deps
    Path kit = dir.resolve("kit");
    Path tests = kit.resolve("integration_tests");
    Files.createDirectories(kit.resolve("macros"));
    Files.createDirectories(tests.resolve("models"));
    Files.writeString(kit.resolve("dbt_project.yml"), "name: kit\n");
    Path macro = kit.resolve("macros/two.sql");
    Files.writeString(macro, "{% macro two() %}2{% endmacro %}\n");
    Files.writeString(tests.resolve("dbt_project.yml"), "name: kit_tests\nprofile: shop\n");
    Files.writeString(tests.resolve("packages.yml"), "packages:\n  - local: ../\n");
    Path model = tests.resolve("models/uses.sql");
    Files.writeString(model, "select {{ kit.two() }} as x\n");
    workspace.addFolders(List.of(kit));
    assertEquals(
        "select 2 as x",
        CompileFile.compile(workspace.upToDate(tests).get(30, TimeUnit.SECONDS), model)
            .orElseThrow()
            .sql()
            .strip());

    workspace.files().open(macro, "{% macro two() %}3{% endmacro %}\n", 1);
    workspace.changed(macro);
    assertEquals(
        "select 3 as x",
        CompileFile.compile(workspace.upToDate(tests).get(30, TimeUnit.SECONDS), model)
            .orElseThrow()
            .sql()
            .strip());
  }

  /** dbt 1.12's vars.yml is read like dbt_project.yml: a change to it reloads the project. */
  @Test
  void editingVarsYmlRebuildsWithItsVars() throws Exception {
    Path b = shop.resolve("models/b.sql");
    Files.writeString(b, "select '{{ var(\"region\", \"none\") }}' as region\n");
    workspace.changed(b);
    assertEquals(
        "select 'none' as region", CompileFile.compile(upToDate(), b).orElseThrow().sql().strip());
    Path vars = shop.resolve("vars.yml");
    workspace.files().open(vars, "vars:\n  region: eu\n", 1);
    workspace.changed(vars);
    assertEquals(
        "select 'eu' as region", CompileFile.compile(upToDate(), b).orElseThrow().sql().strip());
    Files.writeString(vars, "vars:\n  region: us\n");
    workspace.files().close(vars);
    workspace.changed(vars);
    assertEquals(
        "select 'us' as region", CompileFile.compile(upToDate(), b).orElseThrow().sql().strip());
  }

  @Test
  void aFileNotYetSavedIsPartOfTheProject() throws Exception {
    upToDate();
    Path c = shop.resolve("models/c.sql");
    workspace.files().open(c, "select * from {{ ref('b') }}\n", 1);
    workspace.changed(c);
    ProjectSnapshot s = upToDate();
    assertEquals(List.of("model.shop.b"), s.manifest().nodes().get("model.shop.c").dependsOn());
  }

  @Test
  void filesDbtWritesDoNotRebuild() throws Exception {
    upToDate();
    // the listener runs just after the snapshot is handed out: wait for it
    Eventually.within(Duration.ofSeconds(30), () -> !built.isEmpty());
    int before = built.size();
    assertEquals(1, before);
    workspace.changed(shop.resolve("target/compiled/shop/models/a.sql"));
    workspace.changed(shop.resolve("README.txt"));
    assertEquals(before, built.size());
    assertTrue(workspace.upToDate(shop).isDone(), "nothing pending");
  }

  @Test
  void openCompiledFilesAddTheirCompileProblems() throws Exception {
    Path b = shop.resolve("models/b.sql");
    workspace.files().open(b, "select {{ var('nope') }} from {{ ref('a') }}\n", 1);
    workspace.changed(b);
    ProjectSnapshot s = upToDate();
    assertEquals(List.of(), codes(s, "models/b.sql"), "the index does not render");
    Map<Path, List<Problem>> closed = Analysis.strict(s).diagnostics(List.of());
    assertFalse(closed.containsKey(b));
    Map<Path, List<Problem>> open = Analysis.strict(s).diagnostics(workspace.openFiles(shop));
    assertEquals(
        List.of(ProblemCode.VAR_UNDEFINED), open.get(b).stream().map(Problem::code).toList());
    assertEquals(List.of(b), ProjectDiagnostics.cleared(open.keySet(), closed));
  }

  @Test
  void theProblemsOfABuildWaitUntilTheRequestsThatWaitedForItAreAnswered() throws Exception {
    java.util.concurrent.CompletableFuture<Void> answered =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
    List<String> events = new CopyOnWriteArrayList<>();
    Workspace w =
        new Workspace(
            FileSource.DISK,
            ProjectInputs.Options.defaults(),
            List.of(),
            10,
            new Workspace.Listener() {
              @Override
              public void built(Path projectDir, ProjectSnapshot snapshot) {
                events.add("built");
              }

              @Override
              public java.util.concurrent.CompletableFuture<?> answered() {
                events.add("asked");
                asked.countDown();
                return answered;
              }

              @Override
              public void diagnosticsChanged(Path projectDir, Analysis analysis) {
                events.add("problems");
              }
            });
    try {
      w.addFolders(List.of(dir));
      assertTrue(asked.await(30, TimeUnit.SECONDS), "the build asked for the answers");
      Thread.sleep(100); // the build thread waits: well within its second at most
      events.add("answered");
      answered.complete(null);
      Eventually.await(
          Duration.ofSeconds(20), () -> events.contains("problems"), () -> "no problems told");
      assertEquals(List.of("built", "asked", "answered", "problems"), events.subList(0, 4));
    } finally {
      w.close();
    }
  }

  @Test
  void aProblemTheIndexAndTheRenderBothFindIsReportedOnce() throws Exception {
    Path b = shop.resolve("models/b.sql");
    workspace.files().open(b, "select * from {{ ref('missing') }}\n", 1);
    workspace.changed(b);
    List<Problem> problems =
        Analysis.strict(upToDate()).diagnostics(workspace.openFiles(shop)).get(b);
    assertEquals(1, problems.size(), problems.toString());
  }

  @Test
  void compileFileAnswersTheBuffer() throws Exception {
    Path b = shop.resolve("models/b.sql");
    workspace.files().open(b, "select 2 as two\n", 1);
    workspace.changed(b);
    assertEquals("select 2 as two", CompileFile.compile(upToDate(), b).orElseThrow().sql().strip());
    assertTrue(CompileFile.compile(upToDate(), shop.resolve("dbt_project.yml")).isEmpty());
  }
}
