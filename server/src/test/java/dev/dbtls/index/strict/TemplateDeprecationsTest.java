package dev.dbtls.index.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The deprecations of SQL templates: stray end tags in macro files, {@code modules.itertools}. */
class TemplateDeprecationsTest {
  @Test
  void strayEndTagsOfMacroFilesAreRemoved() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: macros/cents.sql
            {% endmacro %}
            {# {% endif %} is only a comment #}
            {% macro cents(c) %}
              {% if c %}({{ c }} / 100){% endif %}
            {% endmacro %}
            {%- endif -%}
            -- file: models/a.sql
            select {{ cents(1) }} as x
            """);
    assertEquals(
        List.of("unexpected-jinja-block-deprecation 1:1", "unexpected-jinja-block-deprecation 6:1"),
        f.found("macros/cents.sql"));
    assertEquals(
        """

        {# {% endif %} is only a comment #}
        {% macro cents(c) %}
          {% if c %}({{ c }} / 100){% endif %}
        {% endmacro %}

        """,
        f.fixed("macros/cents.sql"));
  }

  @Test
  void balancedMacroFilesAndModelsAreFine() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: macros/m.sql
            {% macro a() %}{% for i in [1] %}{{ i }}{% endfor %}{% endmacro %}
            {% materialization view2, default %}{% endmaterialization %}
            {% test positive(model, column_name) %}select 1{% endtest %}
            -- file: models/a.sql
            select 1 as x
            """);
    assertEquals(List.of(), f.found("macros/m.sql"));
    assertEquals(List.of(), f.found("models/a.sql"));
  }

  @Test
  void itertoolsIsReportedWhereItIsUsed() {
    StrictFixture f =
        StrictFixture.of(
            """
            -- file: models/a.sql
            {# modules.itertools in a comment is fine #}
            {%- set ab = modules.itertools.product([1, 2], ['x']) -%}
            {% for a, b in ab %}select {{ a }} as a{% endfor %}
            -- file: models/b.sql
            {% set x = modules.datetime.date(2020, 1, 1) %}select 1 as itertools
            """);
    assertEquals(List.of("modules-itertools-usage-deprecation 2:14"), f.found("models/a.sql"));
    assertEquals(List.of(), f.found("models/b.sql"));
  }
}
