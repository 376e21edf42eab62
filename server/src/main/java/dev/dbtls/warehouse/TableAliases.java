package dev.dbtls.warehouse;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * The tables a query reads, by the names its steps go by in a plan: alias (lower case) to the table
 * as written ({@code schema.table} or {@code table}), and each table's own name to itself.
 * MariaDB's plan names a table by its alias only. Empty when the query does not parse.
 */
final class TableAliases {
  private TableAliases() {}

  static Map<String, String> of(String sql) {
    Map<String, String> out = new HashMap<>();
    if (sql == null || sql.isBlank()) {
      return out;
    }
    try {
      Statement s = CCJSqlParserUtil.parse(sql, p -> p.withTimeOut(1000));
      new TablesNamesFinder<Void>() {
        @Override
        public <S> Void visit(Table table, S context) {
          String name = unquote(table.getFullyQualifiedName());
          out.putIfAbsent(unquote(table.getName()).toLowerCase(Locale.ROOT), name);
          if (table.getAlias() != null) {
            out.put(unquote(table.getAlias().getName()).toLowerCase(Locale.ROOT), name);
          }
          return super.visit(table, context);
        }
      }.getTables(s);
    } catch (Exception | StackOverflowError e) {
      // no aliases: the plan's names stay as they are
    }
    return out;
  }

  static String unquote(String name) {
    return name == null ? "" : name.replace("`", "").replace("\"", "");
  }
}
