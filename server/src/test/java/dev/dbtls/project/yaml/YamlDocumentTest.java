package dev.dbtls.project.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Span;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlDocumentTest {
  @Test
  void typesAsYaml11ResolvesThem() {
    YamlMap m =
        YamlDocument.parse(
                "x.yml",
                """
        a: 1
        b: -2.5
        c: yes
        d: 'yes'
        e: ~
        f: 1.0
        g: 0x1F
        h: y
        i: 2024-01-01
        j: "3"
        """)
            .rootMap();
    Object[] expected = {1L, -2.5, true, "yes", null, 1.0, 31L, "y", "2024-01-01", "3"};
    Object[] actual =
        "abcdefghij".chars().mapToObj(c -> m.get(String.valueOf((char) c)).toPlain()).toArray();
    assertEquals(Arrays.asList(expected), Arrays.asList(actual));
  }

  @Test
  void anchorsAliasesAndMergeKeys() {
    YamlMap m =
        YamlDocument.parse(
                "x.yml",
                """
        defaults: &d
          materialized: view
          tags: [a]
        model:
          <<: *d
          materialized: table
        copy: *d
        """)
            .rootMap();
    assertEquals(Map.of("materialized", "table", "tags", List.of("a")), m.get("model").toPlain());
    assertEquals(m.get("defaults").toPlain(), m.get("copy").toPlain());
  }

  @Test
  void keysAndValuesKeepTheirLocation() {
    YamlMap m =
        YamlDocument.parse("x.yml", "models:\n  - name: orders\n    description: x\n").rootMap();
    YamlMap orders = m.list("models").maps().get(0);
    assertEquals(new Span(1, 4, 1, 8), orders.keySpan("name"));
    assertEquals(new Span(1, 10, 1, 16), orders.get("name").span());
  }

  @Test
  void syntaxErrorIsLocatedAndNothingThrows() {
    YamlDocument d = YamlDocument.parse("x.yml", "a: [1, 2\nb: 3\n");
    assertNull(d.root());
    assertEquals(ProblemCode.YAML_SYNTAX, d.problems().get(0).code());
    assertEquals(1, d.problems().get(0).line());
  }

  @Test
  void emptyFileIsNoRootAndNoProblem() {
    YamlDocument d = YamlDocument.parse("x.yml", "# only a comment\n");
    assertNull(d.root());
    assertEquals(List.of(), d.problems());
  }
}
