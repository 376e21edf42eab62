package dev.dbtls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.ide.Analysis;
import dev.dbtls.ide.NavFixture;
import dev.dbtls.index.Catalog;
import dev.dbtls.index.compile.ProjectSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inferred columns are reused by what each inference read ({@link ColumnsKey}): after a macro edit
 * only the models whose compiled SQL or parents' columns changed are parsed again, the next session
 * reads the rest from {@link ColumnsCache}, and every way gives what a fresh inference gives. One
 * worker and several give the same table.
 */
class ProjectColumnsReuseTest {
  private static final String SHOP =
      """
      -- file: macros/money.sql
      {% macro cents_to_dollars(c) %}{{ c }} / 100{% endmacro %}
      {% macro extra_columns() %}, 1 as is_paid{% endmacro %}
      -- file: seeds/customers.csv
      id,name
      1,Ada
      -- file: models/sources.yml
      version: 2
      sources:
        - name: raw
          tables:
            - name: payments
              columns:
                - name: id
                  data_type: integer
                - name: order_id
                  data_type: integer
                - name: amount_cents
                  data_type: integer
      -- file: models/stg_payments.sql
      select id as payment_id, order_id, {{ cents_to_dollars('amount_cents') }} as amount
        {{ extra_columns() }}
      from {{ source('raw', 'payments') }}
      -- file: models/stg_customers.sql
      select id as customer_id, name from {{ ref('customers') }}
      -- file: models/orders.sql
      with p as (select * from {{ ref('stg_payments') }})
      select order_id, sum(amount) as total, count(*) as payments from p group by 1
      -- file: models/payments_wide.sql
      select * from {{ ref('stg_payments') }}
      -- file: models/customers_report.sql
      select c.*, 0 as orders from {{ ref('stg_customers') }} c
      """;

  /** The shop as the server loads it, with the parse cache its edits' rebuilds share. */
  private static ProjectSnapshot load(
      dev.dbtls.testing.Fixture f, dev.dbtls.index.ParseCache cache) {
    return ProjectSnapshot.load(
        dev.dbtls.testing.Fixture.ROOT,
        dev.dbtls.testing.Fixture.options(null, Map.of(), Map.of()),
        List.of(),
        f,
        false,
        cache);
  }

  private static NavFixture shop(String from, String to) {
    String spec = SHOP.replace(from, to);
    if (!from.equals(to)) {
      assertNotEquals(SHOP, spec, "the edit must apply");
    }
    return NavFixture.of(spec);
  }

  private static ProjectColumns infer(NavFixture f, ProjectColumns previous) {
    return new ProjectColumns(f.snapshot(), previous).runNow(Catalog.EMPTY, f.fixture());
  }

  /** Each node's inferred and known columns, by id: what the features read. */
  private static Map<String, String> table(ProjectColumns t) {
    Map<String, String> out = new TreeMap<>();
    t.entries().forEach((id, e) -> out.put(id, e.inferred() + "\n" + e.known()));
    return out;
  }

  @Test
  void aMacroEditThatLeavesTheSqlAsItWasParsesNoModel() {
    ProjectColumns first = infer(shop("", ""), null);
    assertEquals(5, first.parsedCount());
    NavFixture edited =
        shop("{% endmacro %}\n{% macro extra", "{% endmacro %}\n{# a comment #}\n{% macro extra");
    ProjectColumns next = infer(edited, first);
    assertEquals(0, next.parsedCount(), "the SQL of every model is as it was");
    assertEquals(
        first.entries().size(),
        next.inferredCount(),
        "another engine: every node is inferred again");
    assertEquals(table(infer(edited, null)), table(next));
    first
        .entries()
        .forEach(
            (id, e) ->
                assertSame(
                    e, next.entries().get(id), id + ": as it was, the table before's entry"));
  }

  @Test
  void aModelWhoseSqlChangedIsParsedAgainAndTheChildrenWhoseParentsColumnsChanged() {
    ProjectColumns first = infer(shop("", ""), null);
    NavFixture edited = shop(", 1 as is_paid", ", 1 as is_paid, 'card' as method");
    ProjectColumns next = infer(edited, first);
    // stg_payments (its SQL) and its two children (their parent's columns); not the customers
    assertEquals(3, next.parsedCount());
    assertEquals(
        List.of("payment_id", "order_id", "amount", "is_paid", "method"),
        next.entry("model.shop.payments_wide").orElseThrow().known().names());
    assertEquals(table(infer(edited, null)), table(next));
    for (String id : List.of("model.shop.stg_payments", "model.shop.payments_wide")) {
      assertNotSame(first.entries().get(id), next.entries().get(id), id + ": its columns changed");
    }
    assertSame(
        first.entries().get("model.shop.customers_report"),
        next.entries().get("model.shop.customers_report"),
        "unchanged: the table before's entry");
  }

  @Test
  void anEditsRunInfersTheEditedModelAndItsDescendantsOnly() {
    dev.dbtls.testing.Fixture f = dev.dbtls.testing.Fixture.of(SHOP);
    dev.dbtls.index.ParseCache cache = new dev.dbtls.index.ParseCache();
    ProjectSnapshot before = load(f, cache);
    ProjectColumns first = new ProjectColumns(before, null).runNow(Catalog.EMPTY, f);
    Path stg = dev.dbtls.testing.Fixture.ROOT.resolve("models/stg_payments.sql");
    String text =
        SHOP.substring(
                SHOP.indexOf("select id as payment_id"), SHOP.indexOf("-- file: models/stg_c"))
            .replace("{{ extra_columns() }}", "{{ extra_columns() }}, 'card' as method");
    OverlayFileSource edited = new OverlayFileSource(f);
    edited.open(stg, text, 1);
    // the same template engine: an edit's rebuild, whose run takes the unaffected nodes as they
    // were
    ProjectSnapshot after =
        ProjectSnapshot.rebuild(
            before,
            before.inputs().withFile(stg, text),
            List.of(),
            edited,
            cache,
            java.util.Set.of(stg));
    ProjectColumns next = new ProjectColumns(after, first).runNow(Catalog.EMPTY, edited);
    // stg_payments and the children of it, orders and payments_wide; not the customers' models,
    // the seed or the source
    assertEquals(3, next.inferredCount());
    assertEquals(1, next.lookedAt(), "the edited model looked at, not every node");
    assertEquals(
        List.of("payment_id", "order_id", "amount", "is_paid", "method"),
        next.entry("model.shop.payments_wide").orElseThrow().known().names());
    assertEquals(table(new ProjectColumns(after, null).runNow(Catalog.EMPTY, edited)), table(next));
  }

  @Test
  void editsInARowFindWhatChangedSinceTheTableBeforeWithoutLookingAtEveryNode() {
    dev.dbtls.testing.Fixture f = dev.dbtls.testing.Fixture.of(SHOP);
    dev.dbtls.index.ParseCache cache = new dev.dbtls.index.ParseCache();
    ProjectSnapshot start = load(f, cache);
    ProjectColumns columns = new ProjectColumns(start, null).runNow(Catalog.EMPTY, f);
    OverlayFileSource files = new OverlayFileSource(f);
    ProjectSnapshot s = start;
    // each edit's manifest is made over the first one's nodes (EditedMap): each run looks only at
    // the nodes edited since the table before it, which may lie several edits back
    String[][] edits = {
      {"models/customers_report.sql", "select c.*, 1 as orders from {{ ref('stg_customers') }} c"},
      {
        "models/stg_customers.sql",
        "select id as customer_id, name, 2 as tier from {{ ref('customers') }}"
      },
      {"models/orders.sql", "select order_id from {{ ref('stg_payments') }}"},
    };
    // the model and its children; none after the second edit, whose build a third one followed
    // before its run: the third run also finds the second edit's model (and its child)
    int[] inferred = {1, -1, 3};
    // the keys edited since the table's manifest: 1, then 3 (the first edit's model among them)
    int[] lookedAt = {1, -1, 3};
    for (int i = 0; i < edits.length; i++) {
      Path path = dev.dbtls.testing.Fixture.ROOT.resolve(edits[i][0]);
      files.open(path, edits[i][1], i + 1);
      ProjectSnapshot next =
          ProjectSnapshot.rebuild(
              s,
              s.inputs().withFile(path, edits[i][1]),
              List.of(),
              files,
              cache,
              java.util.Set.of(path));
      assertTrue(
          next.manifest().nodes() instanceof dev.dbtls.index.EditedMap<?, ?>,
          "an edit's manifest: " + edits[i][0]);
      s = next;
      if (inferred[i] < 0) {
        continue;
      }
      columns = new ProjectColumns(next, columns).runNow(Catalog.EMPTY, files);
      assertEquals(inferred[i], columns.inferredCount(), "inferred after " + edits[i][0]);
      assertEquals(lookedAt[i], columns.lookedAt(), "looked at after " + edits[i][0]);
      assertEquals(
          table(new ProjectColumns(next, null).runNow(Catalog.EMPTY, files)), table(columns));
    }
    assertEquals(
        List.of("customer_id", "name", "tier", "orders"),
        columns.entry("model.shop.customers_report").orElseThrow().known().names());
  }

  /** An edit of {@code path} to {@code text} on {@code s}'s inputs, as the server rebuilds. */
  private static ProjectSnapshot edit(
      ProjectSnapshot s,
      OverlayFileSource files,
      dev.dbtls.index.ParseCache cache,
      String path,
      String text,
      int version) {
    Path p = dev.dbtls.testing.Fixture.ROOT.resolve(path);
    files.open(p, text, version);
    ProjectSnapshot next =
        ProjectSnapshot.rebuild(
            s, s.inputs().withFile(p, text), List.of(), files, cache, java.util.Set.of(p));
    assertTrue(next.manifest().nodes() instanceof dev.dbtls.index.EditedMap<?, ?>, "an edit");
    return next;
  }

  @Test
  void anEditThatLeavesAModelsColumnsAsTheyWereRunsThatModelOnlyOverTheTableBefore() {
    // mixed is below stg_payments twice: through orders and through payments_wide
    String spec =
        SHOP
            + """
            -- file: models/mixed.sql
            select o.total, w.amount from {{ ref('orders') }} o
            join {{ ref('payments_wide') }} w on o.order_id = w.order_id
            """;
    dev.dbtls.testing.Fixture f = dev.dbtls.testing.Fixture.of(spec);
    dev.dbtls.index.ParseCache cache = new dev.dbtls.index.ParseCache();
    ProjectSnapshot s = load(f, cache);
    ProjectColumns columns = new ProjectColumns(s, null).runNow(Catalog.EMPTY, f);
    OverlayFileSource files = new OverlayFileSource(f);
    String stg =
        "select id as payment_id, order_id, {{ cents_to_dollars('amount_cents') }} as amount\n"
            + "  {{ extra_columns() }}\nfrom {{ source('raw', 'payments') }}\n";
    // {text, nodes run, nodes inferred}
    Object[][] edits = {
      // the SQL changes, its columns do not: its four descendants are not run
      {stg + "where amount_cents > 0\n", 1, 1},
      // a new column: stg_payments, its children, and mixed below both (once, after both)
      {stg.replace("{{ extra_columns() }}", "{{ extra_columns() }}, 'card' as method"), 4, 4},
      // a model that no longer compiles keeps no result of before; its children change with it
      {stg.replace("{{ extra_columns() }}", "{{ no_such_macro() }}"), 4, 4},
    };
    for (int i = 0; i < edits.length; i++) {
      ProjectColumns before = columns;
      s = edit(s, files, cache, "models/stg_payments.sql", (String) edits[i][0], i + 1);
      columns = new ProjectColumns(s, columns).runNow(Catalog.EMPTY, files);
      assertEquals(edits[i][1], columns.ranCount(), "run after edit " + i);
      assertEquals(edits[i][2], columns.inferredCount(), "inferred after edit " + i);
      assertTrue(
          columns.entries() instanceof LayeredMap<?, ?> l
              && (i == 0 ? l.readsThrough(before.entries()) : !l.readsThrough(before.entries())),
          "the first table is the base of every edit's, not copied");
      ProjectColumns fresh = new ProjectColumns(s, null).runNow(Catalog.EMPTY, files);
      assertEquals(table(fresh), table(columns), "after edit " + i);
      assertEquals(
          new TreeMap<>(fresh.memos()).keySet(),
          new TreeMap<>(columns.memos()).keySet(),
          "the models with a result after edit " + i);
    }
    assertNull(columns.memos().get("model.shop.stg_payments"), "no result for a model that fails");
  }

  @Test
  void anEditThatMakesACycleGivesWhatAFullRunGives() {
    dev.dbtls.testing.Fixture f = dev.dbtls.testing.Fixture.of(SHOP);
    dev.dbtls.index.ParseCache cache = new dev.dbtls.index.ParseCache();
    ProjectSnapshot s = load(f, cache);
    ProjectColumns columns = new ProjectColumns(s, null).runNow(Catalog.EMPTY, f);
    OverlayFileSource files = new OverlayFileSource(f);
    Path p = dev.dbtls.testing.Fixture.ROOT.resolve("models/stg_customers.sql");
    // stg_customers below customers_report, which is below it
    String text =
        "select id as customer_id, name from {{ ref('customers') }}\n"
            + "-- {{ ref('customers_report') }}\n";
    files.open(p, text, 1);
    s =
        ProjectSnapshot.rebuild(
            s, s.inputs().withFile(p, text), List.of(), files, cache, java.util.Set.of(p));
    assertTrue(
        s.manifest().problems().stream()
            .anyMatch(x -> x.code() == dev.dbtls.project.ProblemCode.DAG_CYCLE),
        s.manifest().problems().toString());
    columns = new ProjectColumns(s, columns).runNow(Catalog.EMPTY, files);
    assertEquals(table(new ProjectColumns(s, null).runNow(Catalog.EMPTY, files)), table(columns));
    assertTrue(columns.entry("model.shop.customers_report").isEmpty(), "on the cycle: no entry");
  }

  @Test
  void aRunStoppedByANewerBuildDoesNotMakeTheNextOneInferEverything() {
    ProjectColumns first = infer(shop("", ""), null);
    NavFixture typing =
        shop(
            "select order_id, sum(amount)", "select order_id, max(amount) as largest, sum(amount)");
    ProjectColumns stopped =
        new ProjectColumns(typing.snapshot(), first); // superseded before it ran
    NavFixture typed =
        shop(
            "select order_id, sum(amount)",
            "select order_id, min(amount) as smallest, sum(amount)");
    ProjectColumns next = infer(typed, stopped);
    assertEquals(
        1, next.parsedCount(), "the newest complete table's results serve the unchanged models");
    assertEquals(table(infer(typed, null)), table(next));
  }

  @Test
  void theNextSessionReadsTheResultsOfThisOneFromTheCacheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shop.columns");
    ColumnsCache cache = new ColumnsCache(file, "build 1");
    NavFixture f = shop("", "");
    ProjectColumns first =
        new ProjectColumns(f.snapshot(), null).runNow(Catalog.EMPTY, f.fixture(), cache);
    assertEquals(5, first.parsedCount());
    cache.save(first.memos(), Map.of());
    assertTrue(Files.size(file) > 0);

    NavFixture again = shop("", "");
    ColumnsCache read = new ColumnsCache(file, "build 1");
    ProjectColumns next =
        new ProjectColumns(again.snapshot(), null).runNow(Catalog.EMPTY, again.fixture(), read);
    assertEquals(0, next.parsedCount(), "every model's key is in the file");
    assertEquals(table(first), table(next));

    // the file of another build, a corrupt file and a missing one are no cache at all
    ColumnsCache other = new ColumnsCache(file, "build 2");
    assertEquals(
        5,
        new ProjectColumns(again.snapshot(), null)
            .runNow(Catalog.EMPTY, again.fixture(), other)
            .parsedCount());
    String id = "model.shop.orders";
    assertNull(new ColumnsCache(file, "build 1").get(id, "not its key"));
    Files.write(file, new byte[] {31, -117, 8, 0, 1, 2, 3});
    ColumnsCache corrupt = new ColumnsCache(file, "build 1");
    assertEquals(0, corrupt.size());
    assertEquals(
        table(first),
        table(
            new ProjectColumns(again.snapshot(), null)
                .runNow(Catalog.EMPTY, again.fixture(), corrupt)));
    assertEquals(0, new ColumnsCache(dir.resolve("none.gz"), "build 1").size());
  }

  @Test
  void aChangedModelInTheCacheFileIsParsedAgain(@TempDir Path dir) {
    Path file = dir.resolve("shop.columns");
    ColumnsCache cache = new ColumnsCache(file, "b");
    NavFixture f = shop("", "");
    cache.save(
        new ProjectColumns(f.snapshot(), null).runNow(Catalog.EMPTY, f.fixture(), cache).memos(),
        Map.of());
    NavFixture edited =
        shop(
            "select order_id, sum(amount)", "select order_id, max(amount) as largest, sum(amount)");
    ProjectColumns next =
        new ProjectColumns(edited.snapshot(), null)
            .runNow(Catalog.EMPTY, edited.fixture(), new ColumnsCache(file, "b"));
    assertEquals(1, next.parsedCount());
    assertEquals(
        List.of("order_id", "largest", "total", "payments"),
        next.entry("model.shop.orders").orElseThrow().known().names());
    assertEquals(table(infer(edited, null)), table(next));
  }

  /**
   * The first session's table, written as the server writes it (with restore keys), and read anew;
   * a file there before is not read (a table restored from it, not rendered, writes no restore
   * key).
   */
  private static ColumnsCache written(Path file, String spec) {
    NavFixture f = NavFixture.of(spec);
    try {
      Files.deleteIfExists(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ColumnsCache cache = new ColumnsCache(file, "b");
    ProjectColumns first =
        new ProjectColumns(f.snapshot(), null).runNow(Catalog.EMPTY, f.fixture(), cache);
    cache.save(first.toStore());
    return new ColumnsCache(file, "b");
  }

  @Test
  void aParseThatRanOutOfTimeIsNotKeptAndTheNextSessionParsesItAgain(@TempDir Path dir) {
    // a model the parser cannot read within its limit: 200,000 columns (~7 MB of SQL)
    StringBuilder wide = new StringBuilder("-- file: models/very_wide.sql\nselect ");
    for (int i = 0; i < 200_000; i++) {
      wide.append(i == 0 ? "" : ", ").append("coalesce(name, 'x') as c").append(i);
    }
    String spec = SHOP + wide + " from {{ ref('stg_customers') }}\n";
    String id = "model.shop.very_wide";
    Path file = dir.resolve("shop.columns");
    NavFixture f = NavFixture.of(spec);
    ColumnsCache cache = new ColumnsCache(file, "b");
    ProjectColumns first =
        new ProjectColumns(f.snapshot(), null).runNow(Catalog.EMPTY, f.fixture(), cache);
    assertEquals(
        List.of(
            "the SQL parser (duckdb dialect) ran out of time reading the compiled SQL (2 s of CPU)"),
        first.entry(id).orElseThrow().known().gaps(),
        "said as it is, not as SQL the parser could not read");
    assertEquals(
        List.of("customer_id", "name"),
        first.entry("model.shop.stg_customers").orElseThrow().known().names());
    assertFalse(first.memos().containsKey(id), "not kept for the next run");
    cache.save(first.toStore());

    NavFixture again = NavFixture.of(spec);
    ProjectColumns next =
        new ProjectColumns(again.snapshot(), null)
            .runNow(Catalog.EMPTY, again.fixture(), new ColumnsCache(file, "b"));
    assertEquals(5, next.restoredCount(), "the models read in time are restored");
    assertEquals(1, next.parsedCount(), "the one that ran out of time is parsed again");
  }

  @Test
  void theNextSessionTakesTheLastOnesResultsWithoutRenderingAndHasNothingToCheck(
      @TempDir Path dir) {
    ColumnsCache read = written(dir.resolve("shop.columns"), SHOP);
    NavFixture again = shop("", "");
    ProjectColumns restored =
        new ProjectColumns(again.snapshot(), null).runNow(Catalog.EMPTY, again.fixture(), read);
    assertEquals(5, restored.restoredCount(), "every model's inputs are as they were");
    assertEquals(0, restored.parsedCount());
    assertEquals(
        table(infer(again, null)),
        table(restored),
        "what a render and inference give, origins too");
    assertTrue(restored.summary().contains("5 restored from the last session"), restored.summary());
    assertTrue(
        restored.summary().contains("none read what no file holds: nothing to check"),
        restored.summary());

    restored.afterRun(again.fixture(), read);
    assertSame(restored, restored.checked().join(), "no model's render read what no key holds");
    assertEquals(restored, restored.current());
  }

  /** {@link #SHOP} with a model whose render reads the clock, and a model below it. */
  private static final String CLOCKED =
      SHOP
          + """
          -- file: models/loaded.sql
          select customer_id, '{{ run_started_at }}' as loaded_at from {{ ref('stg_customers') }}
          -- file: models/loaded_report.sql
          select * from {{ ref('loaded') }}
          """;

  @Test
  void aRestoredResultWhoseRenderReadTheClockIsCheckedByARenderAndNoOtherModelIs(
      @TempDir Path dir) {
    ColumnsCache read = written(dir.resolve("shop.columns"), CLOCKED);
    NavFixture again = NavFixture.of(CLOCKED);
    ProjectColumns restored =
        new ProjectColumns(again.snapshot(), null).runNow(Catalog.EMPTY, again.fixture(), read);
    assertEquals(7, restored.restoredCount(), "restored, the clock's reader too");
    assertTrue(
        restored
            .summary()
            .contains("1 of them read what no file holds (run_started_at): a render checks"),
        restored.summary());

    restored.afterRun(again.fixture(), read);
    ProjectColumns check = restored.checked().join();
    assertNotEquals(restored, check);
    assertEquals(1, check.inferredCount(), "loaded only: its child's parent came out the same");
    assertEquals(0, check.parsedCount(), "the clock of this process: its SQL as stored");
    assertEquals(0, check.changedCount());
    assertEquals(check, restored.current(), "the features read the checked table");
    assertEquals(table(restored), table(check));
    assertTrue(check.summary().contains("1 rendered again"), check.summary());
    assertTrue(check.summary().contains("checked: 0 nodes' columns differed"), check.summary());
  }

  /**
   * The next session of {@code spec} after the one of {@link #SHOP} wrote its table to {@code
   * file}: its first table, and the check of it (which renders every model).
   */
  private static ProjectColumns nextSession(Path file, String spec) {
    NavFixture next = NavFixture.of(spec);
    ColumnsCache read = new ColumnsCache(file, "b");
    ProjectColumns t =
        new ProjectColumns(next.snapshot(), null).runNow(Catalog.EMPTY, next.fixture(), read);
    assertEquals(table(infer(next, null)), table(t), "what a render and inference of each give");
    t.afterRun(next.fixture(), read);
    if (t.restoredCount() > 0) {
      ProjectColumns check = t.checked().join();
      assertEquals(0, check.changedCount(), "the check finds every restored result right");
    }
    read.awaitWrites(); // what the check wrote, before the next test writes the file again
    return t;
  }

  /**
   * The next session ({@link #nextSession}) after a session of {@code spec} wrote {@code file},
   * with {@code from} replaced by {@code to} in between (as a {@code git pull} changes files).
   */
  private static ProjectColumns afterChange(Path file, String spec, String from, String to) {
    written(file, spec);
    String changed = spec.replace(from, to);
    assertNotEquals(spec, changed, "the change must apply");
    return nextSession(file, changed);
  }

  @Test
  void aModelEditedBetweenSessionsIsRenderedAndTheOthersAreRestored(@TempDir Path dir) {
    Path file = dir.resolve("shop.columns");
    // its columns as they were: its children are restored
    ProjectColumns same =
        afterChange(
            file,
            SHOP,
            "select order_id, sum(amount)",
            "select order_id, sum(amount) /* reviewed */");
    assertEquals(4, same.restoredCount(), "all but orders");
    assertEquals(1, same.parsedCount(), "orders' SQL is new");

    // a column more: the model and its child rendered, the three others restored
    ProjectColumns wider =
        afterChange(
            file,
            SHOP,
            "select id as customer_id, name",
            "select id as customer_id, name, 1 as tier");
    assertEquals(3, wider.restoredCount(), "stg_customers and customers_report rendered");
    assertEquals(2, wider.parsedCount());
    assertEquals(
        List.of("customer_id", "name", "tier", "orders"),
        wider.entry("model.shop.customers_report").orElseThrow().known().names());
  }

  @Test
  void aModelBelowAnEphemeralModelEditedBetweenSessionsIsRenderedToo(@TempDir Path dir) {
    String spec =
        SHOP
            + """
            -- file: models/paid.sql
            {{ config(materialized='ephemeral') }}
            select payment_id, amount from {{ ref('stg_payments') }}
            -- file: models/paid_report.sql
            select * from {{ ref('paid') }}
            """;
    // the ephemeral's columns as they were, its SQL not: its child's compiled SQL holds it
    ProjectColumns filtered =
        afterChange(
            dir.resolve("shop.columns"),
            spec,
            "select payment_id, amount from {{ ref('stg_payments') }}",
            "select payment_id, amount from {{ ref('stg_payments') }} where amount > 0");
    assertEquals(5, filtered.restoredCount(), "all but paid and paid_report");
    assertEquals(2, filtered.parsedCount());
  }

  @Test
  void aMacroFileEditedBetweenSessionsRendersTheModelsThatRanOneOfItsMacros(@TempDir Path dir) {
    Path file = dir.resolve("shop.columns");
    // a macro file whose output is the same: the model that ran its macros renders the SQL its
    // key holds (none parsed); the others did not run them and are restored
    ProjectColumns comment =
        afterChange(
            file,
            SHOP,
            "{% endmacro %}\n{% macro extra",
            "{% endmacro %}\n{# a comment #}\n{% macro extra");
    assertEquals(4, comment.restoredCount(), "stg_payments rendered");
    assertEquals(0, comment.parsedCount());

    // a macro more: a name a template looks up may resolve to it now, so every model renders
    ProjectColumns added =
        afterChange(
            file,
            SHOP,
            "{% macro extra_columns() %}",
            "{% macro cents() %}1{% endmacro %}\n{% macro extra_columns() %}");
    assertEquals(0, added.restoredCount());
  }

  @Test
  void aPropertyFileEditedBetweenSessionsRendersTheModelsWhoseEntryChangedAndTheirChildren(
      @TempDir Path dir) {
    Path file = dir.resolve("shop.columns");
    String withYaml =
        SHOP
            + """
            -- file: models/schema.yml
            version: 2
            models:
              - name: orders
                description: one row per order
              - name: payments_wide
                columns:
                  - name: payment_id
                    description: the payment
            """;
    // one model's description (its context holds it): that model rendered, its neighbour not
    ProjectColumns described =
        afterChange(file, withYaml, "one row per order", "one row for each order");
    assertEquals(4, described.restoredCount(), "orders rendered");
    assertEquals(0, described.parsedCount());

    // a test added: no model's context changed, none rendered
    ProjectColumns tested =
        afterChange(
            file,
            withYaml,
            "description: the payment",
            "description: the payment\n        data_tests: [not_null]");
    assertEquals(5, tested.restoredCount());
    assertTrue(
        NavFixture.of(
                withYaml.replace(
                    "description: the payment",
                    "description: the payment\n        data_tests: [not_null]"))
            .snapshot()
            .manifest()
            .nodes()
            .keySet()
            .stream()
            .anyMatch(id -> id.startsWith("test.shop.not_null_payments_wide_payment_id")),
        "the test is there");

    // a source's columns: the staging model reading it and its children rendered
    ProjectColumns source =
        afterChange(
            file,
            withYaml,
            "- name: amount_cents",
            "- name: amount_cents\n                  data_type: bigint\n                - name: fee");
    assertEquals(
        2, source.restoredCount(), "stg_customers and customers_report: they read none of it");
  }

  @Test
  void aModelNamingAnEnvironmentVariableIsRenderedWhenItsValueChangedBetweenSessions(
      @TempDir Path dir) {
    Path file = dir.resolve("shop.columns");
    String spec =
        SHOP
            + """
            -- file: models/tiers.sql
            select customer_id, '{{ env_var("SHOP_TIER") }}' as tier from {{ ref('stg_customers') }}
            """;
    ProjectColumns first = session(spec, "gold", new ColumnsCache(file, "b"));
    assertEquals(6, first.parsedCount());
    new ColumnsCache(file, "b").save(first.toStore());

    assertEquals(6, session(spec, "gold", new ColumnsCache(file, "b")).restoredCount());
    ProjectColumns silver = session(spec, "silver", new ColumnsCache(file, "b"));
    assertEquals(5, silver.restoredCount(), "tiers rendered: the value it reads changed");
    assertEquals(1, silver.parsedCount(), "its SQL holds the value");
  }

  @Test
  void aVariableReadInAMacroRendersOnlyTheModelsThatRanItWhenItsValueChanged(@TempDir Path dir) {
    Path file = dir.resolve("shop.columns");
    String spec =
        SHOP
            + """
            -- file: macros/tier.sql
            {% macro tier() %}'{{ env_var("SHOP_" ~ "TIER") }}'{% endmacro %}
            -- file: models/tiers.sql
            select customer_id, {{ tier() }} as tier from {{ ref('stg_customers') }}
            """;
    ProjectColumns first = session(spec, "gold", new ColumnsCache(file, "b"));
    new ColumnsCache(file, "b").save(first.toStore());
    ProjectColumns silver = session(spec, "silver", new ColumnsCache(file, "b"));
    assertEquals(5, silver.restoredCount(), "tiers rendered: its macro read the value, by a name");
    assertEquals(1, silver.parsedCount());
  }

  /** A session of {@code spec} whose environment has {@code SHOP_TIER=tier}: its first table. */
  private static ProjectColumns session(String spec, String tier, ColumnsCache disk) {
    dev.dbtls.testing.Fixture f = dev.dbtls.testing.Fixture.of(spec);
    ProjectSnapshot s =
        ProjectSnapshot.load(
            dev.dbtls.testing.Fixture.ROOT,
            dev.dbtls.testing.Fixture.options(null, Map.of(), Map.of("SHOP_TIER", tier)),
            List.of(),
            f,
            false);
    return new ProjectColumns(s, null).runNow(Catalog.EMPTY, f, disk);
  }

  @Test
  void aChangedTargetOrVarsMakesTheNextSessionRenderEveryModel(@TempDir Path dir) {
    Path file = dir.resolve("shop.columns");
    String withVars =
        SHOP
            + """
            -- file: dbt_project.yml
            name: shop
            version: '1.0'
            profile: shop
            vars:
              cutoff: 1
            """;
    written(file, withVars);
    assertEquals(5, nextSession(file, withVars).restoredCount());
    assertEquals(0, afterChange(file, withVars, "cutoff: 1", "cutoff: 2").restoredCount());
  }

  @Test
  void aRestoredResultThatARenderNoLongerGivesIsReplacedByTheCheck(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("shop.columns");
    NavFixture f = shop("", "");
    ColumnsCache cache = new ColumnsCache(file, "b");
    ProjectColumns first =
        new ProjectColumns(f.snapshot(), null).runNow(Catalog.EMPTY, f.fixture(), cache);
    // as if the render of stg_payments had given other SQL then (it read the clock): its stored
    // result is another model's under another SQL key, its restore key still right
    ColumnsCache.ToStore s = first.toStore();
    Map<String, ColumnsCache.Memo> memos = new java.util.HashMap<>(s.memos());
    ColumnsCache.Memo other = memos.get("model.shop.stg_customers");
    memos.put("model.shop.stg_payments", new ColumnsCache.Memo("another SQL", other.columns()));
    Map<String, ColumnsCache.Restorable> keys = new java.util.HashMap<>();
    s.eachRestorable(keys::put);
    ColumnsCache.Restorable was = keys.get("model.shop.stg_payments");
    keys.put(
        "model.shop.stg_payments",
        new ColumnsCache.Restorable(
            was.key(),
            keys.get("model.shop.stg_customers").places(),
            was.macros(),
            was.envNames(),
            List.of("run_started_at")));
    cache.save(memos, keys);

    ColumnsCache read = new ColumnsCache(file, "b");
    ProjectColumns restored =
        new ProjectColumns(f.snapshot(), null).runNow(Catalog.EMPTY, f.fixture(), read);
    assertEquals(
        3, restored.restoredCount(), "not its children: their keys hold its columns as restored");
    assertEquals(
        List.of("customer_id", "name"),
        restored.entry("model.shop.stg_payments").orElseThrow().known().names(),
        "the stored result, as stored");
    restored.afterRun(f.fixture(), read);
    ProjectColumns check = restored.checked().join();
    assertEquals(
        3,
        check.inferredCount(),
        "stg_payments, then its children: its columns came out otherwise");
    assertEquals(
        3,
        check.parsedCount(),
        "stg_payments' SQL is not what its stored key says, and its children's parents changed");
    assertTrue(check.changedCount() >= 2, "stg_payments and payments_wide at least");
    assertEquals(table(first), table(check));
    assertEquals(table(first), table(restored.current()));
    read.awaitWrites(); // the check changed a result: the corrected table is written at once
    ProjectColumns third =
        new ProjectColumns(f.snapshot(), null)
            .runNow(Catalog.EMPTY, f.fixture(), new ColumnsCache(file, "b"));
    assertEquals(5, third.restoredCount());
    assertEquals(table(first), table(third), "the next session restores the corrected table");
  }

  @Test
  void aBuildDuringTheCheckRendersEveryModelItself(@TempDir Path dir) {
    ColumnsCache read = written(dir.resolve("shop.columns"), CLOCKED);
    NavFixture again = NavFixture.of(CLOCKED);
    ProjectColumns restored =
        new ProjectColumns(again.snapshot(), null).runNow(Catalog.EMPTY, again.fixture(), read);
    NavFixture typed =
        NavFixture.of(
            CLOCKED.replace(
                "select order_id, sum(amount)",
                "select order_id, min(amount) as smallest, sum(amount)"));
    ProjectColumns next =
        new ProjectColumns(typed.snapshot(), restored); // came before the check ran
    restored.afterRun(again.fixture(), read);
    assertNull(restored.checked().join(), "the check gave way to the newer build");
    next.runNow(Catalog.EMPTY, typed.fixture(), read);
    assertEquals(0, next.restoredCount());
    assertEquals(
        9, next.inferredCount(), "a restored table is not taken as it is: every node inferred");
    assertEquals(1, next.parsedCount(), "only the edited model's SQL is new");
    assertEquals(table(infer(typed, null)), table(next));
  }

  @Test
  void theOpenFilesModelsAndTheirAncestorsComeFirstAndAreReadableBeforeTheTableIsComplete() {
    NavFixture f = shop("", "");
    var m = f.snapshot().manifest();
    ProjectColumns t =
        new ProjectColumns(f.snapshot(), null)
            .first(List.of(m.nodes().get("model.shop.customers_report").file().absolutePath()));
    List<List<dev.dbtls.index.Node>> phases = t.levels(m);
    assertEquals(
        List.of(
            java.util.Set.of(
                "seed.shop.customers", "model.shop.stg_customers", "model.shop.customers_report"),
            // then the others
            java.util.Set.of(
                "source.shop.raw.payments",
                "model.shop.stg_payments",
                "model.shop.orders",
                "model.shop.payments_wide")),
        phases.stream()
            .map(
                p -> p.stream().map(n -> n.uniqueId()).collect(java.util.stream.Collectors.toSet()))
            .toList());
    for (List<dev.dbtls.index.Node> phase : phases) {
      List<String> order = phase.stream().map(n -> n.uniqueId()).toList();
      for (dev.dbtls.index.Node n : phase) {
        for (String p : n.dependsOn()) {
          assertTrue(
              order.indexOf(p) < order.indexOf(n.uniqueId()),
              "each node after its parents in its phase: " + order);
        }
      }
    }
    assertNull(t.readable(), "not started: nothing to read");
    t.runNow(Catalog.EMPTY, f.fixture());
    assertEquals(t, t.readable());
    assertEquals(table(infer(f, null)), table(t), "the order changes nothing in the table");

    // a newer snapshot's run, not complete yet: features read the complete one before it
    ProjectColumns next = new ProjectColumns(f.snapshot(), t);
    assertEquals(t, next.readable());
  }

  @Test
  void aRunStoppedInItsLastPhaseIsNotTakenAsComplete() throws Exception {
    NavFixture f = shop("", "");
    ForkJoinPool one = new ForkJoinPool(1);
    java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
    try {
      one.execute(
          () -> {
            busy.countDown();
            try {
              hold.await(); // the only worker is busy: the run's nodes wait in its queue
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      assertTrue(busy.await(30, java.util.concurrent.TimeUnit.SECONDS));
      ProjectColumns older = new ProjectColumns(f.snapshot(), null).on(one);
      java.util.concurrent.CompletableFuture<ProjectColumns> run =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> older.runNow(Catalog.EMPTY, f.fixture()));
      for (int i = 0; i < 500 && one.getQueuedSubmissionCount() == 0; i++) {
        Thread.sleep(10); // until the run is inside its (only) phase
      }
      assertTrue(one.getQueuedSubmissionCount() > 0, "the run's first nodes are queued");
      ProjectColumns newer = new ProjectColumns(f.snapshot(), older); // stops the older run
      hold.countDown();
      run.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(older.entries().size() < 7, "the stopped run left nodes without an entry");
      assertEquals(false, older.finished(), "so it is not a complete table");
      assertNull(newer.current(), "and no table is current until the newer run ends");
    } finally {
      hold.countDown();
      one.shutdownNow();
    }
  }

  @Test
  void aTableDoesNotKeepItsSnapshotAlive() throws InterruptedException {
    // the table lives in a weak map under its snapshot: holding the snapshot itself would keep
    // every snapshot of a session (one per edit) for good
    java.lang.ref.WeakReference<dev.dbtls.index.compile.ProjectSnapshot> ref = inferredAndDropped();
    for (int i = 0; i < 100 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertNull(ref.get(), "the snapshot was collected");
  }

  private static java.lang.ref.WeakReference<dev.dbtls.index.compile.ProjectSnapshot>
      inferredAndDropped() {
    NavFixture f = shop("", "");
    Analysis a = Analysis.of(f.snapshot());
    assertEquals(7, dev.dbtls.workspace.ProjectColumns.inferNow(a, f.fixture()).entries().size());
    return new java.lang.ref.WeakReference<>(f.snapshot());
  }

  @Test
  void oneWorkerAndSeveralGiveTheSameTable() {
    StringBuilder spec = new StringBuilder(SHOP);
    // layers of models reading each other with stars, joins and unions: many run side by side
    for (int i = 0; i < 40; i++) {
      String parent = i < 2 ? "stg_payments" : "layer_" + (i - 2);
      String other = i < 1 ? "stg_customers" : "layer_" + (i - 1);
      spec.append("-- file: models/layer_")
          .append(i)
          .append(".sql\n")
          .append(
              switch (i % 3) {
                case 0 ->
                    "select a.*, b.payment_id as other_"
                        + i
                        + " from {{ ref('"
                        + parent
                        + "') }} a"
                        + " join {{ ref('"
                        + other
                        + "') }} b on true\n";
                case 1 ->
                    "select * from {{ ref('"
                        + parent
                        + "') }}\nunion all\nselect * from {{ ref('"
                        + parent
                        + "') }}\n";
                default ->
                    "with x as (select * from {{ ref('"
                        + parent
                        + "') }})\nselect x.*, "
                        + i
                        + " as step from x\n";
              });
    }
    NavFixture f = NavFixture.of(spec.toString());
    ForkJoinPool one = new ForkJoinPool(1);
    ForkJoinPool four = new ForkJoinPool(4);
    try {
      Map<String, String> sequential =
          table(new ProjectColumns(f.snapshot(), null).on(one).runNow(Catalog.EMPTY, f.fixture()));
      Map<String, String> parallel =
          table(new ProjectColumns(f.snapshot(), null).on(four).runNow(Catalog.EMPTY, f.fixture()));
      assertEquals(47, sequential.size());
      assertEquals(sequential, parallel);
      assertTrue(
          sequential.get("model.shop.layer_39").contains("step"),
          sequential.get("model.shop.layer_39"));
    } finally {
      one.shutdown();
      four.shutdown();
    }
  }
}
