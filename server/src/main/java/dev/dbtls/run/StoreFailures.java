package dev.dbtls.run;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.Relation;
import dev.dbtls.project.Adapter;

/**
 * dbt's {@code store_failures} in a build: a test's failing rows kept in a table of the audit
 * schema ({@code <target schema>_dbt_test__audit}, or {@code _<schema>} when the test's {@code
 * schema} config says), named after the test; the test then counts its failures from that table,
 * and its message says where they are.
 */
final class StoreFailures {
  private StoreFailures() {}

  /** Whether the test keeps its failures: its {@code store_failures} config, else the flag. */
  static boolean wanted(Node test, boolean flag) {
    Object configured = test.config().get("store_failures");
    if (configured instanceof Boolean b) {
      return b;
    }
    Object as = test.config().get("store_failures_as");
    return as != null ? !"ephemeral".equals(String.valueOf(as)) : flag;
  }

  /** The audit table of the test, as SQL names it. */
  static Relation relation(ProjectSnapshot s, Node test) {
    Adapter adapter = s.inputs().target().adapter();
    Object custom = test.config().get("schema");
    String schema =
        s.inputs().target().schema() + "_" + (custom == null ? "dbt_test__audit" : custom);
    Object alias = test.config().get("alias");
    String name = alias != null ? String.valueOf(alias) : test.name();
    return Relation.of(adapter, s.inputs().target().database(), schema, name).withType("table");
  }

  /** The statements that (re)create the table from the test's query. */
  static String createSql(Relation table, String testSql) {
    return "create schema if not exists "
        + table.renderSchema()
        + ";\ndrop table if exists "
        + table.render()
        + ";\ncreate table "
        + table.render()
        + " as (\n"
        + testSql.strip()
        + "\n)";
  }
}
