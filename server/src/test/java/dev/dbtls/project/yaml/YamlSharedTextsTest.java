package dev.dbtls.project.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dbtls.project.Shared;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML files' repeated texts are one string each ({@link dev.dbtls.project.Shared#text}). */
class YamlSharedTextsTest {
  @Test
  void aTextRepeatedAcrossFilesIsOneString() {
    YamlDocument a =
        YamlDocument.parse(
            "a.yml", "models:\n  - name: orders\n    columns:\n      - name: account_id\n");
    YamlDocument b =
        YamlDocument.parse(
            "b.yml", "models:\n  - name: customers\n    columns:\n      - name: account_id\n");
    String inA = column(a);
    String inB = column(b);
    assertEquals("account_id", inB);
    assertSame(inA, inB);
  }

  @Test
  void keysAreSharedToo() {
    YamlDocument a = YamlDocument.parse("a.yml", "data_type: integer\n");
    YamlDocument b = YamlDocument.parse("b.yml", "data_type: integer\n");
    String keyA = a.rootMap().entries().keySet().iterator().next();
    String keyB = b.rootMap().entries().keySet().iterator().next();
    assertSame(keyA, keyB);
    assertSame(a.rootMap().string("data_type"), b.rootMap().string("data_type"));
  }

  @Test
  void aSlotTakenByAnotherTextGivesTheTextAskedFor() {
    // whatever the table holds, the answer equals the question
    for (String s : List.of("id", "name", "varchar", "id", "x".repeat(129), "")) {
      String fresh = new String(s.toCharArray());
      assertEquals(s, Shared.text(fresh));
    }
  }

  @Test
  void longTextsAreNotKept() {
    String longer = "d".repeat(200);
    assertSame(longer, Shared.text(longer));
    String copy = new String(longer.toCharArray());
    assertNotSame(longer, Shared.text(copy));
  }

  @Test
  void typedScalarsAreNotTurnedIntoStrings() {
    YamlDocument d = YamlDocument.parse("a.yml", "n: 3\nb: true\ns: '3'\n");
    assertEquals(3L, d.rootMap().get("n").toPlain());
    assertEquals(Boolean.TRUE, d.rootMap().get("b").toPlain());
    assertEquals("3", d.rootMap().get("s").toPlain());
  }

  private static String column(YamlDocument d) {
    return d.rootMap()
        .list("models")
        .items()
        .get(0)
        .asMap()
        .list("columns")
        .items()
        .get(0)
        .asMap()
        .string("name");
  }
}
