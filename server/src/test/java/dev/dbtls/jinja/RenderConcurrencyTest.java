package dev.dbtls.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.Adapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Renders per second of a model going through a few macros, and that threads don't interfere. */
class RenderConcurrencyTest {
  static final String MACROS =
      """
      {% macro surrogate_key(cols) %}{{ return(adapter.dispatch('surrogate_key', 'utils')(cols)) }}{% endmacro %}
      {% macro default__surrogate_key(cols) -%}
        md5({% for c in cols %}coalesce(cast({{ c }} as {{ type_string() }}), ''){% if not loop.last %} || '-' || {% endif %}{% endfor %})
      {%- endmacro %}
      {% macro type_string() %}{{ return(adapter.dispatch('type_string', 'dbt')()) }}{% endmacro %}
      {% macro postgres__type_string() %}{{ return('text') }}{% endmacro %}
      {% macro default__type_string() %}{{ return('string') }}{% endmacro %}
      {% macro safe_add(fields) -%}
        {%- set parts = [] -%}
        {%- for f in fields -%}{% do parts.append('coalesce(' ~ f ~ ', 0)') %}{%- endfor -%}
        {{ parts | join(' + ') }}
      {%- endmacro %}
      """;
  static final String MODEL =
      """
      {{ config(materialized='table') }}
      select {{ utils.surrogate_key(['a', 'b']) }} as id,
             {{ utils.safe_add(['x', 'y', 'z']) }} as total
      from {{ ref('orders') }}
      {% if is_incremental() %}where id > 0{% endif %}
      """;

  static DbtJinja engine() {
    return new DbtJinja(
        new JinjaSetup(
            Adapter.of("postgres"),
            "proj",
            List.of(
                new MacroFile("utils", "utils/m.sql", MACROS),
                new MacroFile(
                    "dbt",
                    "dbt/m.sql",
                    "{% macro postgres__type_string() %}{{ return('text') }}{% endmacro %}"
                        + "{% macro is_incremental() %}{{ return(false) }}{% endmacro %}")),
            Map.of(),
            null));
  }

  static Rendered renderModel(DbtJinja j) {
    Map<String, Object> g = DbtJinjaTest.globals();
    g.put("config", (JinjaCallable) (a, k) -> "");
    return j.render(new RenderRequest("models/m.sql", MODEL, "proj", g));
  }

  @Test
  void rendersTheModel() {
    Rendered r = renderModel(engine());
    assertEquals(List.of(), r.problems());
    assertEquals(
        """

        select md5(coalesce(cast(a as text), '') || '-' || coalesce(cast(b as text), '')) as id,
               coalesce(x, 0) + coalesce(y, 0) + coalesce(z, 0) as total
        from "db"."sch"."orders"
        """,
        r.output());
  }

  @Test
  void concurrentRendersOfOneEngineAgree() throws Exception {
    System.err.printf("renders/s on 2 threads: %.0f%n", rendersPerSecond(500, 500));
  }

  /** Benchmark (not a test): {@code java -cp ... dev.dbtls.jinja.RenderConcurrencyTest}. */
  public static void main(String[] args) throws Exception {
    System.out.printf("renders/s on 2 threads: %.0f%n", rendersPerSecond(6000, 6000));
  }

  /** Renders one model from two threads, checking every output equals the single-threaded one. */
  static double rendersPerSecond(int warmUp, int perThread) throws Exception {
    DbtJinja j = engine();
    String expected = renderModel(j).output();
    for (int i = 0; i < warmUp; i++) {
      renderModel(j); // warm up the JIT
    }
    int threads = 2;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    List<Future<Boolean>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                boolean same = true;
                for (int i = 0; i < perThread; i++) {
                  same &= renderModel(j).output().equals(expected);
                }
                return same;
              }));
    }
    for (Future<Boolean> f : done) {
      assertTrue(f.get(), "a concurrent render differed");
    }
    double secs = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return threads * perThread / secs;
  }
}
