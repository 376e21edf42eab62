package dev.dbtls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ref('} asked while the project's first load runs is answered from its files' names once
 * they are listed, said to be incomplete; deterministic: the load is held where its scan starts
 * (its progress report, on the loading thread) until the test lets it go on.
 */
class RefCompletionWhileLoadingTest {
  private static final String REPORT = "select * from {{ ref('') }}\n";

  @TempDir Path dir;
  private Path shop;
  private final CountDownLatch scan = new CountDownLatch(1);
  private final CompletableFuture<Void> scanning = new CompletableFuture<>();

  /** When set, the load is also held where it starts, before its files are listed. */
  private volatile CountDownLatch read;

  private final CompletableFuture<Void> reading = new CompletableFuture<>();
  private Workspace workspace;
  private LspFeatures features;
  private Requests requests;

  @BeforeEach
  void start() throws Exception {
    shop = dir.resolve("shop");
    write("dbt_project.yml", "name: shop\nprofile: shop\n");
    write(
        "profiles.yml",
        "shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: x.duckdb\n");
    write("models/staging/stg_orders.sql", "select 1 as id\n");
    write("models/staging/stg_customers.sql", "select 1 as id\n");
    write("models/orders.py", "def model(dbt, session):\n    return dbt.ref('stg_orders')\n");
    write("models/report.sql", REPORT);
    write("seeds/countries.csv", "code\nNL\n");
    write(
        "snapshots/orders_snapshot.sql",
        "{% snapshot orders_snapshot %}\n{{ config(unique_key='id', strategy='check',"
            + " check_cols='all') }}\nselect * from {{ ref('stg_orders') }}\n{% endsnapshot %}\n");
    write("analyses/not_a_node.sql", "select 1\n");
    write("models/marts/dim_accounts_v1.sql", "select 1 as id\n");
    write("models/marts/dim_accounts_v2.sql", "select 1 as id, 2 as region\n");
    write(
        "models/marts/marts.yml",
        "models:\n  - name: dim_accounts\n    latest_version: 2\n    versions:\n      - v: 1\n"
            + "      - v: 2\n");
    write("models/legacy.sql", "{{ config(enabled=false) }}\nselect 1 as id\n");
    write("dbt_packages/utils/dbt_project.yml", "name: utils\n");
    write("dbt_packages/utils/models/util_dates.sql", "select 1 as d\n");
    workspace =
        new Workspace(
            FileSource.DISK,
            ProjectInputs.Options.defaults(),
            List.of(),
            10,
            new Workspace.Listener() {
              @Override
              public void built(Path projectDir, dev.dbtls.index.compile.ProjectSnapshot s) {}

              @Override
              public void progress(Path projectDir, int percent, String phase) {
                CountDownLatch before = read;
                if (before != null && phase.startsWith("reading") && reading.complete(null)) {
                  try {
                    before.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
                if (phase.startsWith("scanning") && scanning.complete(null)) {
                  try {
                    scan.await(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              }
            });
    requests = new Requests();
    features = new LspFeatures(workspace, new Uris(), requests);
  }

  @AfterEach
  void stop() {
    CountDownLatch before = read;
    if (before != null) {
      before.countDown();
    }
    scan.countDown();
    workspace.close();
    requests.close();
  }

  private void write(String path, String text) throws Exception {
    Path p = shop.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      int character) {
    return features.completion(
        shop.resolve("models/report.sql").toUri().toString(), new Position(0, character));
  }

  private static List<String> labels(CompletionList list) {
    return list.getItems().stream().map(CompletionItem::getLabel).toList();
  }

  @Test
  void aRefIsAnsweredFromTheFileNamesBeforeTheScanAndFromTheProjectAfterIt() throws Exception {
    workspace.addFolders(List.of(dir));
    int inRef = REPORT.indexOf("ref('") + 5;
    var early = completion(inRef);
    var elsewhere = completion(3); // in the SQL: only the loaded project answers
    scanning.get(30, TimeUnit.SECONDS);

    CompletionList list = early.get(10, TimeUnit.SECONDS).getRight();
    assertFalse(workspace.analysis(shop).isDone(), "the load was held at its scan");
    assertTrue(list.isIncomplete(), "a list from file names says it is incomplete");
    List<String> labels = labels(list);
    assertTrue(
        labels.containsAll(
            List.of(
                "stg_orders",
                "stg_customers",
                "orders",
                "countries",
                "orders_snapshot",
                "util_dates",
                "shop",
                "utils")),
        labels.toString());
    assertFalse(labels.contains("report"), "the file itself: a ref to it is a cycle");
    assertFalse(labels.contains("not_a_node"), "analyses are not ref-able");
    assertTrue(labels.contains("dim_accounts"), "a versioned model by its name: " + labels);
    assertFalse(labels.contains("dim_accounts_v1") || labels.contains("dim_accounts_v2"));
    assertFalse(labels.contains("legacy"), "a model disabled in its own config");
    CompletionItem orders =
        list.getItems().stream().filter(i -> i.getLabel().equals("orders")).findFirst().get();
    assertEquals("model models/orders.py", orders.getDetail());
    assertTrue(
        list.getItems().stream()
            .filter(i -> i.getLabel().equals("util_dates"))
            .allMatch(i -> i.getDetail().endsWith("(utils)")));
    assertFalse(elsewhere.isDone(), "outside a ref the answer waits for the load");

    scan.countDown();
    assertFalse(elsewhere.get(30, TimeUnit.SECONDS).getRight().getItems().isEmpty());
    CompletionList loaded = completion(inRef).get(30, TimeUnit.SECONDS).getRight();
    assertFalse(loaded.isIncomplete(), "the loaded project's whole list: " + labels(loaded));
    assertEquals(labels, labels(loaded), "the same names, in the same order, as the project gives");
    assertNull(
        workspace.listedBeforeFirstLoad(shop).getNow(null),
        "the first load's inputs are let go once it ends");
  }

  @Test
  void aRefAskedBeforeTheFilesAreListedIsAnsweredOnceTheyAre() throws Exception {
    workspace.addFolders(List.of(dir));
    // asked at once, most likely before the listing; the load is held at its scan, so the answer
    // comes from the listed files
    var early = completion(REPORT.indexOf("ref('") + 5);
    CompletionList list = early.get(30, TimeUnit.SECONDS).getRight();
    assertTrue(list.isIncomplete());
    assertTrue(
        labels(list).containsAll(List.of("stg_orders", "orders", "countries")),
        labels(list).toString());
    assertFalse(workspace.analysis(shop).isDone());
  }

  @Test
  void aRequestThatWaitsForTheLoadAnswersForTheTextItWasAskedOn() throws Exception {
    Path report = shop.resolve("models/report.sql");
    CountDownLatch before = new CountDownLatch(1);
    read = before;
    workspace.addFolders(List.of(dir));
    reading.get(30, TimeUnit.SECONDS); // the load is held before it lists the files
    var waiting = completion(3); // "sel|ect": in the SQL, so it waits for the load
    // typed meanwhile: the request was about the text before
    workspace.files().open(report, "{{ config(materialized='table') }}\n" + REPORT, 2);
    before.countDown();
    scan.countDown();
    List<String> answered = labels(waiting.get(30, TimeUnit.SECONDS).getRight());
    workspace.files().close(report);
    List<String> onTheOldText = labels(completion(3).get(30, TimeUnit.SECONDS).getRight());
    assertFalse(answered.isEmpty());
    assertEquals(onTheOldText, answered);
  }

  private static final String MART =
      "select * from {{ ref('stg_orders') }}, {{ ref('countries') }}, {{ ref('utils',"
          + " 'util_dates') }}, {{ ref('dim_accounts') }}, {{ ref('legacy') }},"
          + " {{ ref('orders_snapshot') }}\n";

  private CompletableFuture<List<? extends org.eclipse.lsp4j.Location>> definition(String name) {
    return features
        .definition(
            shop.resolve("models/mart.sql").toUri().toString(),
            new Position(0, MART.indexOf("'" + name + "'") + 2))
        .thenApply(Either::getLeft);
  }

  private String file(List<? extends org.eclipse.lsp4j.Location> found) {
    assertEquals(1, found.size(), found.toString());
    return Path.of(java.net.URI.create(found.get(0).getUri())).toString();
  }

  @Test
  void aRefsModelIsFoundFromTheFileNamesWhereTheyLeaveNoDoubtAndFromTheProjectElsewhere()
      throws Exception {
    write("models/mart.sql", MART);
    workspace.addFolders(List.of(dir));
    var model = definition("stg_orders");
    var seed = definition("countries");
    var inPackage = definition("util_dates");
    var versioned = definition("dim_accounts");
    var disabled = definition("legacy");
    var snapshot = definition("orders_snapshot");
    scanning.get(30, TimeUnit.SECONDS);

    assertEquals(
        shop.resolve("models/staging/stg_orders.sql").toString(),
        file(model.get(10, TimeUnit.SECONDS)));
    assertEquals(
        shop.resolve("seeds/countries.csv").toString(), file(seed.get(10, TimeUnit.SECONDS)));
    assertEquals(
        shop.resolve("dbt_packages/utils/models/util_dates.sql").toString(),
        file(inPackage.get(10, TimeUnit.SECONDS)));
    assertFalse(workspace.analysis(shop).isDone(), "the load was held at its scan");
    // a version's file, a model disabled in its config, a snapshot's block name: the load says
    Thread.sleep(200);
    assertFalse(versioned.isDone() || disabled.isDone() || snapshot.isDone());

    scan.countDown();
    assertEquals(
        shop.resolve("models/marts/dim_accounts_v2.sql").toString(),
        file(versioned.get(30, TimeUnit.SECONDS)));
    assertEquals(List.of(), disabled.get(30, TimeUnit.SECONDS));
    assertEquals(
        shop.resolve("snapshots/orders_snapshot.sql").toString(),
        file(snapshot.get(30, TimeUnit.SECONDS)));
    // what the file names gave is what the loaded project gives
    for (String name : List.of("stg_orders", "countries", "util_dates")) {
      var early = name.equals("stg_orders") ? model : name.equals("countries") ? seed : inPackage;
      assertEquals(early.get(), definition(name).get(30, TimeUnit.SECONDS), name);
    }
  }
}
