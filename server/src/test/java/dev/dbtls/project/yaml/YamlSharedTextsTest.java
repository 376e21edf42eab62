package dev.dbtls.project.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dbtls.project.Shared;
import dev.dbtls.project.properties.PropertyFile;
import org.junit.jupiter.api.Test;

/** Property files' repeated texts are one string each ({@link Shared#text}); other files' not. */
class YamlSharedTextsTest {
  @Test
  void aColumnNameRepeatedAcrossPropertyFilesIsOneString() {
    PropertyFile a =
        PropertyFile.parse(
            "a.yml", "models:\n  - name: orders\n    columns:\n      - name: account_id_a1\n");
    PropertyFile b =
        PropertyFile.parse(
            "b.yml", "models:\n  - name: customers\n    columns:\n      - name: account_id_a1\n");
    String inA = a.nodes().get(0).columns().get(0).name();
    String inB = b.nodes().get(0).columns().get(0).name();
    assertEquals("account_id_a1", inB);
    assertSame(inA, inB);
  }

  @Test
  void keysAndValuesAreSharedWhenAsked() {
    YamlDocument a = YamlDocument.parseSharingTexts("a.yml", "data_type_b2: integer_b2\n");
    YamlDocument b = YamlDocument.parseSharingTexts("b.yml", "data_type_b2: integer_b2\n");
    assertSame(key(a), key(b));
    assertSame(a.rootMap().string("data_type_b2"), b.rootMap().string("data_type_b2"));
  }

  @Test
  void otherFilesKeepTheirOwnStrings() {
    // profiles.yml may hold a password: its texts never go into the shared table
    String yaml = "dev:\n  outputs:\n    dev:\n      password: s3cret_c3\n";
    YamlDocument a = YamlDocument.parse("profiles.yml", yaml);
    YamlDocument b = YamlDocument.parse("profiles.yml", yaml);
    String pa = a.rootMap().map("dev").map("outputs").map("dev").string("password");
    String pb = b.rootMap().map("dev").map("outputs").map("dev").string("password");
    assertEquals("s3cret_c3", pa);
    assertNotSame(pa, pb);
  }

  @Test
  void aSlotTakenByAnotherTextGivesTheTextAskedFor() {
    // "Aa" and "BB" have the same hash, so the same slot
    assertEquals("Aa".hashCode(), "BB".hashCode());
    String first = Shared.text(new String("Aa".toCharArray()));
    assertEquals("Aa", first);
    String other = Shared.text(new String("BB".toCharArray()));
    assertEquals("BB", other);
    assertEquals("Aa", Shared.text(new String("Aa".toCharArray())));
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
    YamlDocument d = YamlDocument.parseSharingTexts("a.yml", "n: 3\nb: true\ns: '3'\n");
    assertEquals(3L, d.rootMap().get("n").toPlain());
    assertEquals(Boolean.TRUE, d.rootMap().get("b").toPlain());
    assertEquals("3", d.rootMap().get("s").toPlain());
  }

  private static String key(YamlDocument d) {
    return d.rootMap().entries().keySet().iterator().next();
  }
}
