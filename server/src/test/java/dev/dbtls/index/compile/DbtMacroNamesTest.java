package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.project.Adapter;
import dev.dbtls.testing.Fixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every macro name dbt ships for an adapter resolves in dbtls on that adapter: the names of dbt's
 * global project and of the adapter's own macros (and of the adapter it inherits from), listed in
 * test resources {@code dbt-macro-names/} with the repository and commit they were read from. A
 * plain name (or a {@code default__} one) must be callable by that name in a model, as dbt puts it
 * in every context; a name with an adapter's prefix ({@code postgres__x}) must be what {@code
 * adapter.dispatch('x', 'dbt')} finds on that adapter, as dbt's dispatch searches {@code
 * <adapter>__x}, its parents' and then {@code default__x}.
 */
class DbtMacroNamesTest {
  private static final Pattern PREFIXED = Pattern.compile("([a-z]+)__([A-Za-z0-9_]+)");
  private static final List<String> ADAPTERS =
      List.of(
          "postgres",
          "redshift",
          "snowflake",
          "bigquery",
          "spark",
          "databricks",
          "duckdb",
          "trino",
          "sqlite",
          "mysql",
          "mariadb");
  private static final List<String> ADAPTER_PREFIXES =
      List.of(
          "postgres",
          "redshift",
          "snowflake",
          "bigquery",
          "spark",
          "databricks",
          "duckdb",
          "trino",
          "sqlite",
          "mysql",
          "mariadb",
          "athena",
          "default");

  @TestFactory
  Stream<DynamicTest> everyNameDbtShipsResolvesOnItsAdapter() {
    return ADAPTERS.stream()
        .map(a -> DynamicTest.dynamicTest(a, () -> assertEquals(List.of(), missing(a), a)));
  }

  /** The names dbt ships for {@code adapter} that do not resolve in dbtls on it. */
  static List<String> missing(String adapterType) {
    Adapter adapter = Adapter.of(adapterType);
    List<String> names = new ArrayList<>(names("global"));
    for (String a : adapter.lineage()) {
      names.addAll(names(a));
    }
    ProjectSnapshot s =
        Fixture.of(
                "-- file: profiles.yml\nshop:\n  target: dev\n  outputs:\n    dev:\n      type: "
                    + adapterType
                    + "\n      schema: s\n      database: d\n-- file: models/probe.sql\n"
                    + probe(names))
            .snapshot();
    Node probe = s.manifest().nodes().get("model.shop.probe");
    String out = new NodeCompiler(s).compile(probe).sql();
    List<String> missing = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        missing.add(line.strip());
      }
    }
    for (String n : names) {
      Matcher m = PREFIXED.matcher(n);
      if (m.matches() && isAdapterPrefix(m.group(1)) && !m.group(1).equals("default")) {
        if (!dispatches(s, adapter, m.group(2))) {
          missing.add(n);
        }
      }
    }
    return missing.stream().distinct().sorted().toList();
  }

  private static boolean isAdapterPrefix(String p) {
    return ADAPTER_PREFIXES.contains(p);
  }

  private static boolean dispatches(ProjectSnapshot s, Adapter adapter, String name) {
    List<String> prefixes = new ArrayList<>(adapter.lineage());
    prefixes.add("default");
    return prefixes.stream().anyMatch(p -> s.jinja().hasMacro("dbt", p + "__" + name));
  }

  /** A model that prints each plain name it cannot see. */
  private static String probe(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      Matcher m = PREFIXED.matcher(n);
      if (m.matches() && isAdapterPrefix(m.group(1)) && !m.group(1).equals("default")) {
        continue;
      }
      sb.append("{% if ").append(n).append(" is not defined %}").append(n).append("\n{% endif %}");
    }
    return sb.toString();
  }

  static List<String> names(String list) {
    try (InputStream in =
        DbtMacroNamesTest.class.getResourceAsStream("/dbt-macro-names/" + list + ".txt")) {
      if (in == null) {
        return List.of();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> theListsAreThere() {
    return Stream.concat(Stream.of("global"), ADAPTERS.stream())
        .map(
            l ->
                DynamicTest.dynamicTest(
                    l, () -> assertTrue(names(l).size() > 20, l + " has a name list")));
  }
}
