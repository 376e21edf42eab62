package dev.dbtls.run;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.Node;
import dev.dbtls.index.RefCall;
import dev.dbtls.index.SourceCall;
import dev.dbtls.index.YamlDependency;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.index.compile.Relations;
import dev.dbtls.index.compile.UnitTestInputs;
import dev.dbtls.jinja.Database;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.properties.UnitTestSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * dbt's unit tests, run as dbt runs them: each given input's rows become a CTE typed as the input's
 * relation is in the warehouse (dbt reads its columns there, so the parents must exist, built or
 * with {@code --empty}; a {@code sql} fixture needs none), the model is compiled reading them, with
 * the overrides, and its rows compared with the expected ones — only the columns {@code expect}
 * names, as a multiset — in one query that puts both side by side (dbt's {@code
 * actual_or_expected}). A failure's message is dbt's "actual differs from expected" and its table
 * of differing rows; the result carries both sides as text for a diff view.
 */
public final class UnitTests {
  private UnitTests() {}

  /** How a unit test reaches the warehouse: one query, its columns with their types and rows. */
  @FunctionalInterface
  public interface Queries {
    /** The query's result; {@link Database.Failure} with the database's message when refused. */
    Database.Result query(String sql);
  }

  private static final String SIDE = "actual_or_expected";

  /** Runs one unit test: pass, fail (with its diff) or error. Never throws. */
  public static NodeResult run(ProjectSnapshot s, NodeCompiler compiler, Node test, Queries q) {
    Instant compile = Instant.now();
    Manifest m = s.manifest();
    Node model = m.nodes().get(String.valueOf(test.extra().get(Node.TESTED_NODE)));
    if (!(test.extra().get(Node.UNIT_TEST) instanceof UnitTestSpec spec) || model == null) {
      return result(
          test,
          NodeResult.Status.ERROR,
          0,
          "its model is not in the project",
          null,
          compile,
          null,
          null);
    }
    String sql = null;
    try {
      var quote = (java.util.function.UnaryOperator<String>) s.inputs().target().adapter()::quote;
      Map<String, String> fixtures = new LinkedHashMap<>();
      for (UnitTestSpec.Fixture f : spec.given()) {
        Input in = input(s, model, f.input());
        UnitTestFixture fixture =
            !f.rowsGiven() && in.node().type() == dev.dbtls.index.ResourceType.SEED
                ? seedRows(s, in.node())
                : UnitTestFixture.of(f, fixtureText(s, test, f));
        Map<String, String> types = Map.of();
        if (fixture.sql() == null) {
          if ("ephemeral".equals(in.node().materialized())
              && !in.key().equals(UnitTestInputs.THIS)) {
            throw new UnitTestFixture.Invalid(
                f.input() + " is ephemeral: give its rows with 'format: sql', as dbt requires");
          }
          String relation = Relations.rendered(s, in.node());
          types = columns(q, "select * from " + relation + " where 1 = 0");
          if (types.isEmpty()) {
            throw new UnitTestFixture.Invalid(
                "Not able to get columns for unit test '"
                    + model.name()
                    + "' from relation "
                    + relation
                    + " because the relation doesn't exist (build it first, e.g. with --empty)");
          }
        }
        fixtures.put(in.key(), fixture.query(types, f.input(), quote));
      }
      CompiledNode c =
          compiler.compileUnitTest(
              model, new UnitTestInputs(fixtures, spec.macros(), spec.vars(), spec.envVars()));
      if (c.failed()) {
        String why =
            c.problems().stream()
                .filter(dev.dbtls.project.Problem::isError)
                .map(dev.dbtls.project.Problem::message)
                .findFirst()
                .orElse("the model does not compile");
        return result(
            test,
            NodeResult.Status.ERROR,
            0,
            "Compilation Error in unit_test " + test.name() + ": " + why,
            c.sql(),
            compile,
            null,
            null);
      }
      String actualSql = stripSemicolon(c.sql());
      sql = actualSql;
      Map<String, String> actualTypes =
          columns(
              q.query(
                  "select * from (" + actualSql + ") _dbt_internal_unit_test_actual where 1 = 0"));
      UnitTestFixture expected =
          UnitTestFixture.of(spec.expect(), fixtureText(s, test, spec.expect()));
      List<String> names = expectedColumns(q, expected, actualTypes);
      Map<String, String> expectedTypes = new LinkedHashMap<>();
      for (String name : names) {
        expectedTypes.put(name, actualTypes.get(name));
      }
      String expectedSql = stripSemicolon(expected.query(expectedTypes, "expect", quote));
      sql = comparison(actualSql, expectedSql, names, quote);
      Instant execute = Instant.now();
      Database.Result r = q.query(sql);
      return judge(test, names, r, sql, compile, execute);
    } catch (UnitTestFixture.Invalid e) {
      return result(
          test,
          NodeResult.Status.ERROR,
          0,
          "Compilation Error in unit_test " + test.name() + ": " + e.getMessage(),
          sql,
          compile,
          null,
          null);
    } catch (Database.Failure e) {
      return result(
          test,
          NodeResult.Status.ERROR,
          0,
          "Database Error in unit_test " + test.name() + ": " + e.getMessage(),
          sql,
          compile,
          Instant.now(),
          null);
    } catch (RuntimeException e) {
      return result(
          test,
          NodeResult.Status.ERROR,
          0,
          "dbtls: unit_test " + test.name() + ": " + e,
          sql,
          compile,
          null,
          null);
    }
  }

  /** dbt: a seed given without rows gives the rows of its CSV file. */
  private static UnitTestFixture seedRows(ProjectSnapshot s, Node seed) {
    List<List<String>> rows = dev.dbtls.index.SeedCsv.rows(seed, s.files());
    if (rows == null) {
      throw new UnitTestFixture.Invalid("cannot read the rows of seed " + seed.name());
    }
    List<String> header = rows.get(0);
    List<Map<String, Object>> dicts = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      Map<String, Object> d = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < row.size(); i++) {
        d.put(header.get(i), row.get(i).isEmpty() ? null : row.get(i));
      }
      dicts.add(d);
    }
    return new UnitTestFixture(header, dicts, null);
  }

  /** A given input: the node it stands for and the key its fixture goes by. */
  private record Input(Node node, String key) {}

  private static Input input(ProjectSnapshot s, Node model, String written) {
    if (written.strip().equals("this")) {
      return new Input(model, UnitTestInputs.THIS);
    }
    YamlDependency d = YamlDependency.of(written.strip());
    Optional<Node> n = Optional.empty();
    for (RefCall r : d.refs()) {
      n = s.manifest().resolveRef(model.packageName(), r);
    }
    for (SourceCall c : d.sources()) {
      n = s.manifest().resolveSource(model.packageName(), c.sourceName(), c.tableName());
    }
    Node node =
        n.orElseThrow(() -> new UnitTestFixture.Invalid("input " + written + " matches no node"));
    return new Input(node, node.uniqueId());
  }

  /**
   * A fixture file's text ({@code tests/fixtures/NAME.csv} or {@code .sql}); null when none named.
   */
  private static String fixtureText(ProjectSnapshot s, Node test, UnitTestSpec.Fixture f) {
    if (f == null || f.fixture() == null) {
      return null;
    }
    if (f.format().equals(UnitTestSpec.DICT)) {
      throw new UnitTestFixture.Invalid(
          "fixture '" + f.fixture() + "' needs 'format: csv' or 'format: sql'");
    }
    String file = f.fixture() + "." + f.format();
    for (ProjectFile p : s.inputs().files()) {
      if (p.kind() == FileKind.FIXTURE
          && p.packageName().equals(test.packageName())
          && p.relativePath().endsWith("/" + file)) {
        return p.text();
      }
    }
    throw new UnitTestFixture.Invalid(
        "no fixture file "
            + file
            + " in a test path's fixtures folder (tests/fixtures/"
            + file
            + ")");
  }

  /** A query's columns, name to type in order; empty when it cannot run (no relation). */
  private static Map<String, String> columns(Queries q, String sql) {
    try {
      return columns(q.query(sql));
    } catch (Database.Failure e) {
      return Map.of();
    }
  }

  private static Map<String, String> columns(Database.Result r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < r.columns().size(); i++) {
      out.put(r.columns().get(i), i < r.columnTypes().size() ? r.columnTypes().get(i) : null);
    }
    return out;
  }

  /**
   * The columns compared: those {@code expect} names (all the model's when its rows are none), as
   * the model spells them; one the model does not produce is refused.
   */
  private static List<String> expectedColumns(
      Queries q, UnitTestFixture expected, Map<String, String> actual) {
    List<String> named = expected.columns();
    if (expected.sql() != null) {
      named =
          List.copyOf(
              columns(
                      q,
                      "select * from ("
                          + stripSemicolon(expected.sql())
                          + ") _dbt_internal_unit_test_expected where 1 = 0")
                  .keySet());
    }
    if (named.isEmpty()) {
      return List.copyOf(actual.keySet());
    }
    Map<String, String> byLower = new HashMap<>();
    actual.keySet().forEach(k -> byLower.put(k.toLowerCase(Locale.ROOT), k));
    List<String> out = new ArrayList<>();
    for (String n : named) {
      String a = byLower.get(n.toLowerCase(Locale.ROOT));
      if (a == null) {
        throw new UnitTestFixture.Invalid(
            "expect names column '"
                + n
                + "', which the model does not produce (its columns: "
                + String.join(", ", actual.keySet())
                + ")");
      }
      out.add(a);
    }
    return out;
  }

  /** dbt's query of a unit test: the actual and the expected rows, each marked, in one result. */
  static String comparison(
      String actual,
      String expected,
      List<String> columns,
      java.util.function.UnaryOperator<String> q) {
    String cols = String.join(", ", columns.stream().map(q).toList());
    return "with dbt_internal_unit_test_actual as (\n  select "
        + cols
        + ", 'actual' as "
        + SIDE
        + "\n  from (\n"
        + actual
        + "\n  ) _dbt_internal_unit_test_actual\n),\ndbt_internal_unit_test_expected as (\n  select "
        + cols
        + ", 'expected' as "
        + SIDE
        + "\n  from (\n"
        + expected
        + "\n  ) _dbt_internal_unit_test_expected\n)\n"
        + "select * from dbt_internal_unit_test_actual\nunion all\nselect * from dbt_internal_unit_test_expected";
  }

  /** Pass when actual and expected rows are the same multiset; else fail with the diff. */
  static NodeResult judge(
      Node test,
      List<String> columns,
      Database.Result r,
      String sql,
      Instant compile,
      Instant execute) {
    List<List<String>> actual = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    int side = r.columns().size() - 1;
    for (List<Object> row : r.rows()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < side; i++) {
        cells.add(text(row.get(i)));
      }
      ("actual".equals(String.valueOf(row.get(side))) ? actual : expected).add(cells);
    }
    Comparator<List<String>> order = UnitTests::compareRows;
    actual.sort(order);
    expected.sort(order);
    List<List<String>> onlyActual = new ArrayList<>(actual);
    List<List<String>> onlyExpected = new ArrayList<>();
    List<List<String>> both = new ArrayList<>();
    for (List<String> e : expected) {
      if (onlyActual.remove(e)) {
        both.add(e);
      } else {
        onlyExpected.add(e);
      }
    }
    if (onlyActual.isEmpty() && onlyExpected.isEmpty()) {
      return result(test, NodeResult.Status.PASS, 0, null, sql, compile, execute, null);
    }
    String message =
        "actual differs from expected:\n\n" + table(columns, onlyExpected, onlyActual, both);
    NodeResult.Diff diff = new NodeResult.Diff(lines(columns, expected), lines(columns, actual));
    return result(
        test,
        NodeResult.Status.FAIL,
        onlyActual.size() + onlyExpected.size(),
        message,
        sql,
        compile,
        execute,
        diff);
  }

  private static int compareRows(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** A value as the diff shows it: exact numbers without trailing zeros, null as NULL. */
  private static String text(Object v) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof BigDecimal b) {
      return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }

  /** One side for a diff view: the header, then the rows, one a line, comma-separated. */
  private static String lines(List<String> columns, List<List<String>> rows) {
    StringBuilder b = new StringBuilder(String.join(",", columns)).append('\n');
    rows.forEach(r -> b.append(String.join(",", r)).append('\n'));
    return b.toString();
  }

  /**
   * dbt's table of the difference (daff's): {@code @@} over the header, {@code +++} a row only the
   * model gave, {@code ---} a row expected and missing, blank a row both have.
   */
  private static String table(
      List<String> columns,
      List<List<String>> onlyExpected,
      List<List<String>> onlyActual,
      List<List<String>> both) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("@@"));
    header.addAll(columns);
    rows.add(header);
    onlyActual.forEach(r -> rows.add(marked("+++", r)));
    onlyExpected.forEach(r -> rows.add(marked("---", r)));
    both.forEach(r -> rows.add(marked("", r)));
    int[] width = new int[header.size()];
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (List<String> r : rows) {
      for (int i = 0; i < r.size(); i++) {
        b.append(i == 0 ? "" : ",");
        String cell = r.get(i);
        b.append(cell).append(i == r.size() - 1 ? "" : " ".repeat(width[i] - cell.length()));
      }
      b.append('\n');
    }
    return b.toString().stripTrailing();
  }

  private static List<String> marked(String mark, List<String> row) {
    List<String> out = new ArrayList<>(List.of(mark));
    out.addAll(row);
    return out;
  }

  private static String stripSemicolon(String sql) {
    String t = sql.strip();
    while (t.endsWith(";")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }

  private static NodeResult result(
      Node test,
      NodeResult.Status status,
      long failures,
      String message,
      String sql,
      Instant compile,
      Instant execute,
      NodeResult.Diff diff) {
    return new NodeResult(
        test.uniqueId(),
        test.name(),
        status,
        failures,
        message,
        sql,
        compile,
        execute,
        Instant.now(),
        Thread.currentThread().getName(),
        Map.of(),
        null,
        null,
        diff);
  }
}
