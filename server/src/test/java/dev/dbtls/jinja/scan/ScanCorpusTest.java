package dev.dbtls.jinja.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scanner over our realistic dbt files, and over every broken variant of them (each prefix, as
 * when typing, and each deletion of one delimiter character), checked against Python's Jinja2:
 * whatever Jinja2 parses must give no syntax error here.
 */
class ScanCorpusTest {

  @Test
  void validFilesHaveNoProblems() {
    for (Map.Entry<String, String> e : Corpus.all().entrySet()) {
      assertEquals(List.of(), JinjaScanner.scan(e.getValue()).problems(e.getKey()), e.getKey());
    }
  }

  @Test
  void jinja2AcceptsTheCorpus() throws Exception {
    List<String> errors = Jinja2.parseErrors(new ArrayList<>(Corpus.all().values()));
    for (int i = 0; i < errors.size(); i++) {
      assertEquals(null, errors.get(i), Corpus.FILES.get(i));
    }
  }

  private static List<String> variants(String text) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i <= text.length(); i++) {
      out.add(text.substring(0, i));
    }
    for (int i = 0; i < text.length(); i++) {
      if ("{}%#'\"()[]-".indexOf(text.charAt(i)) >= 0) {
        out.add(text.substring(0, i) + text.substring(i + 1));
      }
    }
    return out;
  }

  @Test
  void noFalsePositivesOnBrokenVariants() throws Exception {
    List<String> all = new ArrayList<>();
    for (String text : Corpus.all().values()) {
      all.addAll(variants(text));
    }
    List<String> jinja = Jinja2.parseErrors(all);
    int bothReject = 0;
    int onlyJinjaRejects = 0;
    for (int i = 0; i < all.size(); i++) {
      List<ScanError> ours = JinjaScanner.scan(all.get(i)).errors();
      if (jinja.get(i) == null && !ours.isEmpty()) {
        fail(
            "Jinja2 accepts but we report "
                + ours
                + " for:\n"
                + all.get(i).replace("\n", "\u23ce\n"));
      }
      if (jinja.get(i) != null) {
        if (ours.isEmpty()) {
          onlyJinjaRejects++;
        } else {
          bothReject++;
        }
      }
    }
    // Most broken variants are caught; the rest are errors beyond a scanner (expression grammar).
    assertTrue(
        bothReject > 3 * onlyJinjaRejects, "caught " + bothReject + ", missed " + onlyJinjaRejects);
  }

  @Test
  void everyPrefixScansExtractsAndMapsWithoutThrowing() {
    for (String text : Corpus.all().values()) {
      for (String v : variants(text)) {
        ScannedTemplate t = JinjaScanner.scan(v);
        int at = 0;
        for (Piece p : t.pieces()) {
          assertEquals(at, p.start(), v);
          assertTrue(p.end() > p.start() && p.innerStart() <= p.innerEnd(), v);
          for (Token k : p.tokens()) {
            assertTrue(k.start() >= p.innerStart() && k.end() <= p.end(), v);
          }
          at = p.end();
        }
        assertEquals(v.length(), at, v);
        StaticExtractor.extract(t);
        String instrumented = SourceMapper.instrument(t);
        SourceMap m = SourceMapper.recover(t, instrumented);
        assertTrue(m.output().length() <= instrumented.length());
      }
    }
  }
}
