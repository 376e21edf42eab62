package dev.dbtls.ide;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.testing.Fixture;

/** A fixture project loaded as a snapshot, with the file and offset of its {@code $0} cursor. */
public record NavFixture(
    Fixture fixture, ProjectSnapshot snapshot, String file, String text, int offset) {

  public static NavFixture of(String spec) {
    Fixture f = Fixture.of(spec);
    ProjectSnapshot s = f.snapshot();
    String file =
        f.cursorFile() == null ? null : Fixture.ROOT.relativize(f.cursorFile()).toString();
    return new NavFixture(f, s, file, file == null ? null : f.text(file), f.cursorOffset());
  }

  /**
   * The snapshot's strict analysis: a feature that throws fails the test instead of answering
   * empty.
   */
  Analysis analysis() {
    return Analysis.strict(snapshot);
  }

  /** The cursor's file, its text and offset, as the editor sends them. */
  Analysis.Cursor cursor() {
    return new Analysis.Cursor(file, text, offset);
  }

  /** A common project: a package, versions, sources, macros, docs and vars. */
  static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      vars:
        start_date: '2020-01-01'
        shop:
          region: eu
      -- file: models/staging/stg_orders.sql
      select * from {{ source('raw', 'orders') }}
      -- file: models/staging/stg_customers.sql
      select id, name from {{ source('raw', 'customers') }}
      -- file: models/customers.sql
      {{ config(materialized='table') }}
      select * from {{ ref('stg_customers') }}
      -- file: models/dim_orders_v1.sql
      select 1 as id
      -- file: models/dim_orders_v2.sql
      select 2 as id
      -- file: models/schema.yml
      version: 2
      models:
        - name: customers
          description: One row per customer.
          config:
            meta:
              owner: data-team
            tags: [core]
          columns:
            - name: id
              data_type: integer
              description: The key.
        - name: dim_orders
          latest_version: 2
          versions:
            - v: 1
            - v: 2
      -- file: models/sources.yml
      version: 2
      sources:
        - name: raw
          loader: fivetran
          loaded_at_field: _loaded_at
          freshness:
            warn_after: {count: 12, period: hour}
          tables:
            - name: orders
              description: Raw orders.
            - name: customers
      -- file: models/docs.md
      {% docs order_status %}
      The status of an order.
      {% enddocs %}
      -- file: macros/cents.sql
      {% macro cents_to_dollars(col, scale=2) %}
        {# Converts cents to dollars. #}
        ({{ col }} / 100)::numeric(16, {{ scale }})
      {% endmacro %}
      -- file: macros/dispatched.sql
      {% macro my_hash(col) %}{{ return(adapter.dispatch('my_hash', 'shop')(col)) }}{% endmacro %}
      {% macro duckdb__my_hash(col) %}md5({{ col }}){% endmacro %}
      {% macro default__my_hash(col) %}hash({{ col }}){% endmacro %}
      -- file: dbt_packages/util/dbt_project.yml
      name: util
      vars:
        util_flag: true
      -- file: dbt_packages/util/models/util_model.sql
      select {{ var('util_flag') }} as f
      -- file: dbt_packages/util/macros/star.sql
      {% macro star(rel) %}*{% endmacro %}
      """;

  /**
   * The project above with the cursor placed by {@code marked}: the first line of the project that
   * equals it without {@code $0}.
   */
  static NavFixture cursorAt(String marked) {
    String plain = marked.replace("$0", "");
    int at = PROJECT.indexOf(plain);
    if (at < 0) {
      throw new IllegalArgumentException("not in the project: " + plain);
    }
    return of(PROJECT.substring(0, at) + marked + PROJECT.substring(at + plain.length()));
  }

  /** The project above with {@code extra} files added (they may hold the cursor). */
  static NavFixture with(String extra) {
    return of(PROJECT + extra);
  }
}
