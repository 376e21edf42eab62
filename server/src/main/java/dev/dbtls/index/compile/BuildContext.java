package dev.dbtls.index.compile;

import dev.dbtls.index.Node;
import dev.dbtls.index.RelationName;
import dev.dbtls.jinja.Database;

/**
 * What a build adds to a node's render: the connection its statements run on, whether the run is a
 * full refresh ({@code --full-refresh}), dbt's command ({@code run}, {@code build}, {@code seed})
 * whether tests store their failures ({@code --store-failures}) and whether refs and sources read
 * no rows ({@code --empty}: the models build with their columns and no data). With it, {@code
 * is_incremental()} asks the database, as dbt does.
 */
public record BuildContext(
    Database database, boolean fullRefresh, String which, boolean storeFailures, boolean empty) {
  /** Written after a materialization's output, before its main statement's response message. */
  public static final char RESPONSE_MARK = '\u0001';

  public BuildContext {
    which = which == null ? "run" : which;
  }

  public BuildContext(Database database, boolean fullRefresh, String which) {
    this(database, fullRefresh, which, false, false);
  }

  /** dbt's {@code should_full_refresh()}: the node's {@code full_refresh} config, else the flag. */
  boolean fullRefresh(Node node) {
    Object configured = node.config().get("full_refresh");
    return configured instanceof Boolean b ? b : fullRefresh;
  }

  /**
   * dbt's {@code is_incremental()}: an incremental model whose table already exists, and no full
   * refresh.
   */
  boolean isIncremental(Node node) {
    RelationName r = node.relation();
    if (!"incremental".equals(node.materialized()) || r == null || fullRefresh(node)) {
      return false;
    }
    try {
      return "table".equals(database.relationType(r.database(), r.schema(), r.identifier()));
    } catch (Database.Failure e) {
      return false;
    }
  }
}
