package dev.dbtls.jinja;

import dev.dbtls.project.Adapter;
import dev.dbtls.project.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Manual check, not a test: loads real macro folders (e.g. dbt's global project as {@code dbt},
 * dbt-utils as {@code dbt_utils}), prints setup problems, renders a few models and times them. Run
 * with {@code java -cp ... dev.dbtls.jinja.JinjaCorpusCheck dbt=DIR dbt_utils=DIR ...}.
 */
public final class JinjaCorpusCheck {
  public static void main(String[] args) throws IOException {
    List<MacroFile> files = new ArrayList<>();
    for (String a : args) {
      String pkg = a.substring(0, a.indexOf('='));
      try (Stream<Path> s = Files.walk(Path.of(a.substring(a.indexOf('=') + 1)))) {
        for (Path p : s.filter(x -> x.toString().endsWith(".sql")).sorted().toList()) {
          files.add(new MacroFile(pkg, p.toString(), Files.readString(p)));
        }
      }
    }
    long t0 = System.nanoTime();
    DbtJinja j =
        new DbtJinja(new JinjaSetup(Adapter.of("postgres"), "proj", files, Map.of(), null));
    System.err.printf(
        "%d macro files loaded in %d ms, %d setup problems%n",
        files.size(), (System.nanoTime() - t0) / 1_000_000, j.setupProblems().size());
    j.setupProblems().forEach(p -> System.err.println("  " + p.format()));
    String model =
        """
        {{ config(materialized='table') }}
        select
          {{ dbt_utils.generate_surrogate_key(['a', 'b']) }} as id,
          {{ dbt_utils.safe_add(['a', 'b']) }} as total,
          {{ dbt.concat(['a', "'-'", 'b']) }} as ab,
          {{ dbt_utils.pivot('color', ['red', 'blue']) }}
        from {{ ref('orders') }}
        where {{ dbt.datediff("'2020-01-01'", 'created_at', 'day') }} > 3
        """;
    Map<String, Object> g = DbtJinjaTest.globals();
    g.put("config", new DbtJinjaTest.ConfigDouble(new LinkedHashMap<>()));
    Rendered r = j.render(new RenderRequest("models/m.sql", model, "proj", g));
    System.err.println(r.output());
    r.problems().forEach(p -> System.err.println("  " + p.format()));
    String introspective =
        """
        select {{ dbt_utils.star(ref('orders'), except=['id']) }}
        from {{ ref('orders') }}
        {% set vals = dbt_utils.get_column_values(ref('orders'), 'status') %}
        -- {{ vals }}
        {{ dbt_utils.union_relations([ref('a'), ref('b')]) }}
        {{ dbt_utils.date_spine('day', "'2020-01-01'", "'2020-02-01'") | length > 0 }}
        """;
    Rendered r2 = j.render(new RenderRequest("models/i.sql", introspective, "proj", g));
    System.err.println(r2.output());
    r2.problems().forEach(p -> System.err.println("  " + p.format()));
    int n = Integer.getInteger("n", 20000);
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        j.render(new RenderRequest("models/m.sql", model, "proj", g));
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.err.printf("round %d: %.0f renders/s (one thread)%n", round, n / secs);
    }
    List<Problem> none = List.of();
    System.err.println(none.isEmpty() ? "done" : "");
  }
}
