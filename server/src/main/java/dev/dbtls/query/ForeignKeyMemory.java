package dev.dbtls.query;

import dev.dbtls.ide.EntityRelationships;
import dev.dbtls.index.Node;
import dev.dbtls.index.ResourceType;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.store.ForeignKeyCache;
import dev.dbtls.store.Store;
import dev.dbtls.store.StoreResult;
import dev.dbtls.warehouse.QueryCancel;
import dev.dbtls.warehouse.WarehouseForeignKeys;
import dev.dbtls.warehouse.WarehouseForeignKeys.ForeignKey;
import dev.dbtls.warehouse.Warehouses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The warehouse's declared foreign keys for the ERD, per project and target: kept in memory and in
 * the store once read (by the database explorer or {@code dbtls catalog}, with the schema, or by
 * the ERD itself), so the diagram has them without a round trip, also in the next session. When
 * none are known the ERD reads them on {@code executor}, waiting at most {@link #WAIT_MILLIS} (a
 * slower read still fills the memory for the next diagram). A warehouse that cannot be reached is
 * one line of {@link EntityRelationships.WarehouseKeys#message()}, tried again after {@link
 * #RETRY_MILLIS}. Keys match nodes as the database explorer matches relations ({@link
 * DatabaseExplorer}).
 */
public final class ForeignKeyMemory {
  /** How long a diagram waits for keys read for it. */
  public static final long WAIT_MILLIS = 5_000;

  /** How long a failed read is the answer before the warehouse is asked again. */
  static final long RETRY_MILLIS = 30_000;

  /** How old known keys may get before a diagram reads them again (in the background). */
  static final long REFRESH_MILLIS = 10 * 60_000;

  private record Key(Path projectDir, String target) {}

  /** Keys read (or restored) at {@code at} (nanoTime), or why they could not be. */
  private record Known(List<ForeignKey> keys, String failure, long at) {}

  private final Warehouses warehouses;
  private final CompletableFuture<Store> store;
  private final Executor executor;
  private final Map<Key, Known> known = new ConcurrentHashMap<>();
  private final Map<Key, CompletableFuture<Known>> reading = new ConcurrentHashMap<>();

  public ForeignKeyMemory(
      Warehouses warehouses, CompletableFuture<Store> store, Executor executor) {
    this.warehouses = warehouses;
    this.store = store;
    this.executor = executor;
  }

  /** Keys read with the schema (the database explorer): kept, in memory and in the store. */
  public void remember(ProjectSnapshot s, WarehouseForeignKeys read) {
    Key key = key(s);
    if (read.ok()) {
      known.put(key, new Known(read.keys(), null, System.nanoTime()));
      store.thenAcceptAsync(st -> save(st, s, read), executor);
    }
  }

  /**
   * Keys read with the schema outside a session ({@code dbtls catalog}): kept in the store, under
   * the key this memory restores from, so the next session's diagram has them. A failed read keeps
   * what was stored before (and so does a store that cannot be written: its result says so).
   */
  public static StoreResult<Integer> save(
      Store store, ProjectSnapshot s, WarehouseForeignKeys read) {
    if (!read.ok()) {
      return StoreResult.ok(0);
    }
    Key key = key(s);
    return store
        .foreignKeyCache()
        .save(
            key.projectDir().toString(),
            key.target(),
            read.keys().stream().map(ForeignKeyMemory::cached).toList());
  }

  /**
   * The keys between the snapshot's nodes: known ones at once, else the store's, else read now (at
   * most {@link #WAIT_MILLIS} waited; {@code cancel} stops the read). Never fails.
   */
  public CompletableFuture<EntityRelationships.WarehouseKeys> forErd(
      ProjectSnapshot s, QueryCancel cancel) {
    if (!store.isDone() && known.isEmpty()) {
      // the store opens while the project loads: a start fast enough to draw before it had opened
      // read the warehouse instead of the keys kept for this session (ErdWarehouseKeysProtocolTest)
      return store
          .copy()
          .completeOnTimeout(null, STORE_WAIT_MILLIS, TimeUnit.MILLISECONDS)
          .exceptionally(e -> null)
          .thenCompose(st -> answer(s, cancel));
    }
    return answer(s, cancel);
  }

  /** How long a diagram waits for the store to open before it reads the warehouse. */
  static final long STORE_WAIT_MILLIS = 2_000;

  private CompletableFuture<EntityRelationships.WarehouseKeys> answer(
      ProjectSnapshot s, QueryCancel cancel) {
    try {
      Key key = key(s);
      Known k = known.get(key);
      if (k == null
          || (k.failure() != null
              && System.nanoTime() - k.at() > TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS))) {
        k = k == null ? restored(key) : null;
      }
      if (k != null) {
        if (k.failure() == null
            && System.nanoTime() - k.at() > TimeUnit.MILLISECONDS.toNanos(REFRESH_MILLIS)) {
          read(
              s,
              key,
              new QueryCancel()); // this diagram draws what is known; the next one the new keys
        }
        return CompletableFuture.completedFuture(match(s, k));
      }
      return read(s, key, cancel)
          .thenApply(r -> match(s, r))
          .completeOnTimeout(
              EntityRelationships.WarehouseKeys.unread(
                  "warehouse foreign keys not read: the warehouse did not answer within "
                      + WAIT_MILLIS / 1000
                      + " s"),
              WAIT_MILLIS,
              TimeUnit.MILLISECONDS)
          .exceptionally(
              e ->
                  EntityRelationships.WarehouseKeys.unread(
                      "warehouse foreign keys not read: " + e.getClass().getSimpleName()));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(
          EntityRelationships.WarehouseKeys.unread(
              "warehouse foreign keys not read: " + e.getClass().getSimpleName()));
    }
  }

  /** Reads the keys on the executor, once at a time per project and target. */
  private CompletableFuture<Known> read(ProjectSnapshot s, Key key, QueryCancel cancel) {
    CompletableFuture<Known> mine = new CompletableFuture<>();
    CompletableFuture<Known> running = reading.putIfAbsent(key, mine);
    if (running != null) {
      return running;
    }
    try {
      executor.execute(
          () -> {
            try {
              mine.complete(readNow(s, key, cancel));
            } catch (RuntimeException | Error e) {
              mine.completeExceptionally(e);
            } finally {
              reading.remove(key, mine);
            }
          });
    } catch (RuntimeException e) { // the executor was shut down
      reading.remove(key, mine);
      mine.completeExceptionally(e);
    }
    return mine;
  }

  private Known readNow(ProjectSnapshot s, Key key, QueryCancel cancel) {
    WarehouseForeignKeys r = WarehouseForeignKeys.of(warehouses, s.inputs(), cancel);
    if (r.ok()) {
      remember(s, r);
      return known.get(key);
    }
    Known failed = new Known(List.of(), r.error().message(), System.nanoTime());
    Known before = known.get(key);
    if (!cancel.cancelled() && (before == null || before.failure() != null)) {
      known.put(key, failed); // keys read before stay the answer
    }
    return failed;
  }

  /** The store's keys of an earlier session, when the store is open and has some. */
  private Known restored(Key key) {
    Store st = store.getNow(null);
    if (st == null) {
      return null;
    }
    return st.foreignKeyCache()
        .load(key.projectDir().toString(), key.target())
        .orElse(java.util.Optional.empty())
        .map(
            c -> {
              Known k =
                  new Known(
                      c.keys().stream().map(ForeignKeyMemory::read).toList(),
                      null,
                      System.nanoTime());
              known.putIfAbsent(key, k);
              return k;
            })
        .orElse(null);
  }

  /** One relationship per column pair of each key whose two relations are nodes of the project. */
  static EntityRelationships.WarehouseKeys match(ProjectSnapshot s, Known k) {
    if (k.failure() != null) {
      return EntityRelationships.WarehouseKeys.unread(
          "warehouse foreign keys not read: " + oneLine(k.failure()));
    }
    Map<String, List<Node>> byName = new HashMap<>();
    s.manifest().nodes().values().stream()
        .filter(DatabaseExplorer::inWarehouse)
        .sorted(
            Comparator.comparing((Node n) -> n.type() == ResourceType.SOURCE)
                .thenComparing(Node::uniqueId))
        .forEach(
            n ->
                byName
                    .computeIfAbsent(
                        DatabaseExplorer.key(n.relation().schema(), n.relation().identifier()),
                        x -> new ArrayList<>())
                    .add(n));
    List<EntityRelationships.Relationship> out = new ArrayList<>();
    for (ForeignKey f : k.keys()) {
      Node from = node(byName, f.database(), f.schema(), f.table());
      Node to = node(byName, f.refDatabase(), f.refSchema(), f.refTable());
      if (from == null || to == null) {
        continue; // a relation the project does not know is no entity of the diagram
      }
      for (int i = 0; i < f.columns().size() && i < f.refColumns().size(); i++) {
        out.add(
            new EntityRelationships.Relationship(
                from.uniqueId(),
                f.columns().get(i),
                to.uniqueId(),
                f.refColumns().get(i),
                List.of("warehouse_foreign_key"),
                f.name().isEmpty() ? null : f.name()));
      }
    }
    return new EntityRelationships.WarehouseKeys(List.copyOf(out), null);
  }

  private static Node node(
      Map<String, List<Node>> byName, String database, String schema, String table) {
    for (Node n : byName.getOrDefault(DatabaseExplorer.key(schema, table), List.of())) {
      if (DatabaseExplorer.sameDatabase(n.relation().database(), database)) {
        return n;
      }
    }
    return null;
  }

  private static String oneLine(String s) {
    String line = s == null ? "" : s.strip();
    int nl = line.indexOf('\n');
    return nl < 0 ? line : line.substring(0, nl).strip();
  }

  private static Key key(ProjectSnapshot s) {
    return new Key(
        s.inputs().root().dir().toAbsolutePath().normalize(), s.inputs().target().name());
  }

  private static ForeignKeyCache.Key cached(ForeignKey f) {
    return new ForeignKeyCache.Key(
        f.name(),
        f.database(),
        f.schema(),
        f.table(),
        f.columns(),
        f.refDatabase(),
        f.refSchema(),
        f.refTable(),
        f.refColumns());
  }

  private static ForeignKey read(ForeignKeyCache.Key c) {
    return new ForeignKey(
        c.name() == null ? "" : c.name(),
        c.database(),
        c.schema(),
        c.table(),
        c.columns() == null ? List.of() : c.columns(),
        c.refDatabase(),
        c.refSchema(),
        c.refTable(),
        c.refColumns() == null ? List.of() : c.refColumns());
  }
}
