package dev.dbtls.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dbtls.project.Adapter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dbt's context functions and filters, with the outputs dbt (Python) gives. */
class DbtBuiltinsTest {
  static final DbtJinja J =
      new DbtJinja(new JinjaSetup(Adapter.of("postgres"), "proj", List.of(), Map.of(), null));

  static String render(String text) {
    Rendered r = J.render(new RenderRequest("m.sql", text, "proj", DbtJinjaTest.globals()));
    assertEquals(List.of(), r.problems(), text);
    return r.output();
  }

  @Test
  void jsonAndYaml() {
    assertEquals(
        "{\"b\": 1, \"a\": [true, null]}", render("{{ tojson({'b': 1, 'a': [True, None]}) }}"));
    assertEquals("{\"a\": 1, \"b\": 2}", render("{{ {'b': 2, 'a': 1} | tojson }}"));
    assertEquals(
        "1 x",
        render("{% set v = fromjson('{\"a\": [1], \"b\": \"x\"}') %}{{ v.a[0] }} {{ v['b'] }}"));
    assertEquals("a:\n- 1\n- 2\nb: x\n", render("{{ toyaml({'a': [1, 2], 'b': 'x'}) }}"));
    assertEquals(
        "2 y", render("{% set v = fromyaml('a: [1, 2]\\nb: y') %}{{ v.a | length }} {{ v.b }}"));
  }

  @Test
  void zipSetMd5Namespace() {
    assertEquals("[(1, 'a'), (2, 'b')]", render("{{ zip([1, 2, 3], ['a', 'b']) | list }}"));
    assertEquals("2", render("{{ set([1, 1, 2]) | length }}"));
    assertEquals("900150983cd24fb0d6963f7d28e17f72", render("{{ local_md5('abc') }}"));
    assertEquals(
        "3",
        render(
            "{% set ns = namespace(n=1) %}{% for i in [1, 1] %}{% set ns.n = ns.n + i %}{% endfor %}{{ ns.n }}"));
  }

  @Test
  void modules() {
    assertEquals(
        "ab 12 x-y",
        render(
            "{{ modules.re.search('a.', 'xxaby').group(0) }} "
                + "{{ modules.re.findall('[0-9]', 'a1b2') | join('') }} {{ modules.re.sub('_', '-', 'x_y') }}"));
    assertEquals("[1, 2, 3]", render("{{ modules.itertools.chain([1], [2, 3]) }}"));
    assertEquals("4", render("{{ modules.datetime.datetime.now().strftime('%Y') | length }}"));
  }

  @Test
  void dbtFilters() {
    assertEquals(
        "True False 5 1.5 x None",
        render(
            "{{ 'true' | as_bool }} {{ 'False' | as_bool }} "
                + "{{ '5' | as_number }} {{ '1.5' | as_native }} {{ 'x' | as_text }} {{ 'None' | as_native }}"));
  }
}
