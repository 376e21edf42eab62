package dev.dbtls.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local SQLite store: query history, saved queries, the schema cache, recommendations,
 * benchmark results and the audit of changes applied to a warehouse.
 *
 * <p>One connection behind a lock, not a pool: SQLite lets one writer in at a time anyway, every
 * operation here is a single indexed statement or two (well under a millisecond to a few), and a
 * single connection can never meet {@code SQLITE_BUSY} from itself; the busy timeout covers a
 * second dbtls process on the same file. WAL mode keeps readers of other processes unblocked.
 *
 * <p>Opening never throws: a file that is not a database or fails SQLite's quick check is moved
 * aside ({@code store.db.corrupt-<UTC timestamp>}) and a new one created; a file that cannot be
 * opened (permissions, a newer schema, a lock held too long) is left alone and the session uses an
 * in-memory database; if SQLite itself cannot run, every operation answers a message. Either way
 * {@link #notices()} says what happened.
 *
 * <p>Opening runs SQLite's {@code quick_check}, which reads the whole file: about 95 ms for 10,000
 * history entries (7.7 MB), 1 s for 100,000. Open the store off the request path.
 */
public final class Store implements AutoCloseable {
  static final int BUSY_TIMEOUT_MS = 5_000;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Connection connection;
  private final Path file;
  private final List<String> notices;
  private final ReentrantLock lock = new ReentrantLock();
  private final QueryHistory history;
  private final SavedQueries savedQueries;
  private final SchemaCache schemaCache;
  private final ForeignKeyCache foreignKeyCache;
  private final Recommendations recommendations;
  private final BenchmarkHistory benchmarks;
  private final ApplyAudit audit;
  private final RunHistory runs;
  private boolean closed;

  private Store(Connection connection, Path file, List<String> notices) {
    this.connection = connection;
    this.file = file;
    this.notices = List.copyOf(notices);
    this.history = new QueryHistory(this);
    this.savedQueries = new SavedQueries(this);
    this.schemaCache = new SchemaCache(this);
    this.foreignKeyCache = new ForeignKeyCache(this);
    this.recommendations = new Recommendations(this);
    this.benchmarks = new BenchmarkHistory(this);
    this.audit = new ApplyAudit(this);
    this.runs = new RunHistory(this);
  }

  /** Opens the store at its default place ({@link StoreLocation#defaultFile()}). */
  public static Store open() {
    return open(StoreLocation.defaultFile());
  }

  /** Opens (creating, migrating or recovering) the store file; never throws. */
  public static Store open(Path file) {
    List<String> notices = new ArrayList<>();
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      return new Store(connect(absolute, Migrations.latest()), absolute, notices);
    } catch (Migrations.NewerSchema e) {
      notices.add(
          e.getMessage()
              + "; "
              + absolute
              + " is left as it is and this session keeps"
              + " its history in memory");
    } catch (SQLException e) {
      if (isCorrupt(e)) {
        return recover(absolute, e, notices);
      }
      notices.add(cannotOpen(absolute, e));
    } catch (IOException | RuntimeException | LinkageError e) {
      notices.add(cannotOpen(absolute, e));
    }
    return inMemory(notices);
  }

  /** A store that lives as long as this object (tests, and the fallback when no file works). */
  public static Store inMemory() {
    return inMemory(new ArrayList<>());
  }

  private static Store inMemory(List<String> notices) {
    try {
      return new Store(connect(null, Migrations.latest()), null, notices);
    } catch (SQLException | Migrations.NewerSchema | RuntimeException | LinkageError e) {
      return unavailable(notices, e);
    }
  }

  /** A store without a database (SQLite itself failed): every answer is a message. */
  static Store unavailable(List<String> notices, Throwable cause) {
    List<String> all = new ArrayList<>(notices);
    all.add(
        "SQLite cannot be used ("
            + message(cause)
            + "); query history and saved queries"
            + " are off for this session");
    return new Store(null, null, all);
  }

  private static Store recover(Path file, SQLException cause, List<String> notices) {
    try {
      Path aside = moveAside(file);
      notices.add(
          "the store "
              + file
              + " was unreadable ("
              + message(cause)
              + "); moved it to "
              + aside.getFileName()
              + " and started a new one");
      return new Store(connect(file, Migrations.latest()), file, notices);
    } catch (IOException
        | SQLException
        | Migrations.NewerSchema
        | RuntimeException
        | LinkageError e) {
      notices.add(cannotOpen(file, e));
      return inMemory(notices);
    }
  }

  /** Opens, configures, checks and migrates a connection up to schema {@code version}. */
  static Connection connect(Path file, int version) throws SQLException, Migrations.NewerSchema {
    String url = file == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + file;
    Connection c = DriverManager.getConnection(url);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA foreign_keys = ON");
        quickCheck(s);
      }
      Migrations.migrate(c, version);
      return c;
    } catch (SQLException | Migrations.NewerSchema | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private static void quickCheck(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
      String first = rs.next() ? rs.getString(1) : "no answer";
      if (!"ok".equals(first)) {
        throw new SQLException("quick_check: " + first, null, SQLITE_CORRUPT);
      }
    }
  }

  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  private static boolean isCorrupt(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
  }

  /** Moves the file (and its WAL and shared-memory files) aside; answers the new path. */
  static Path moveAside(Path file) throws IOException {
    String base = file.getFileName() + ".corrupt-" + STAMP.format(Clock.systemUTC().instant());
    Path aside = file.resolveSibling(base);
    for (int n = 2; Files.exists(aside); n++) {
      aside = file.resolveSibling(base + "-" + n);
    }
    Files.move(file, aside);
    for (String suffix : List.of("-wal", "-shm")) {
      Path side = file.resolveSibling(file.getFileName() + suffix);
      if (Files.exists(side)) {
        Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
      }
    }
    return aside;
  }

  private static String cannotOpen(Path file, Throwable e) {
    return "cannot open the store "
        + file
        + " ("
        + message(e)
        + "); this session keeps its"
        + " history in memory";
  }

  static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
  }

  /** What happened while opening: a file moved aside, a fallback to memory; empty when fine. */
  public List<String> notices() {
    return notices;
  }

  /** The store file; empty when the store is in memory. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  public QueryHistory history() {
    return history;
  }

  public SchemaCache schemaCache() {
    return schemaCache;
  }

  public ForeignKeyCache foreignKeyCache() {
    return foreignKeyCache;
  }

  public Recommendations recommendations() {
    return recommendations;
  }

  public BenchmarkHistory benchmarks() {
    return benchmarks;
  }

  public ApplyAudit audit() {
    return audit;
  }

  public RunHistory runs() {
    return runs;
  }

  public SavedQueries savedQueries() {
    return savedQueries;
  }

  /** The schema version of the open database. */
  public int schemaVersion() {
    return read("read the schema version", Migrations::version).orElse(-1);
  }

  /** Work on the connection: a statement or a few. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs a read under the lock (autocommit: no snapshot is held between operations). */
  <T> StoreResult<T> read(String what, Work<T> work) {
    lock.lock();
    try {
      if (closed || connection == null) {
        return StoreResult.failed(
            "cannot " + what + ": the store is " + (closed ? "closed" : "unavailable"));
      }
      return StoreResult.ok(work.run(connection));
    } catch (SQLException | RuntimeException e) {
      return StoreResult.failed("cannot " + what + ": " + message(e));
    } finally {
      lock.unlock();
    }
  }

  /** Runs a write as one transaction under the lock: all of it is stored, or none. */
  <T> StoreResult<T> write(String what, Work<T> work) {
    lock.lock();
    try {
      if (closed || connection == null) {
        return StoreResult.failed(
            "cannot " + what + ": the store is " + (closed ? "closed" : "unavailable"));
      }
      connection.setAutoCommit(false);
      try {
        T value = work.run(connection);
        connection.commit();
        return StoreResult.ok(value);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        return StoreResult.failed("cannot " + what + ": " + message(e));
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      return StoreResult.failed("cannot " + what + ": " + message(e));
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        if (connection != null) {
          connection.close();
        }
      }
    } catch (SQLException e) {
      // nothing to tell: every write was committed in its own transaction
    } finally {
      lock.unlock();
    }
  }
}
