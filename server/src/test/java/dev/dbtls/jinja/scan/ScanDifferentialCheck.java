package dev.dbtls.jinja.scan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Manual check, not a test: for every .sql file under the given folders, the file itself and ~90
 * broken variants of it (prefixes, deleted and inserted delimiter characters) go to Python's
 * Jinja2; prints every variant Jinja2 accepts but the scanner reports an error for (false
 * positives), and counts the variants both reject and those only Jinja2 rejects. Run like {@link
 * ScanCorpusCheck}.
 */
public final class ScanDifferentialCheck {
  public static void main(String[] args) throws Exception {
    List<String> all = new ArrayList<>();
    List<String> origin = new ArrayList<>();
    for (String a : args) {
      try (Stream<Path> s = Files.walk(Path.of(a))) {
        for (Path p : s.filter(x -> x.toString().endsWith(".sql")).sorted().toList()) {
          String text = Files.readString(p, StandardCharsets.UTF_8);
          int stride = Math.max(1, text.length() / 30);
          all.add(text);
          origin.add(p + " (whole)");
          for (int i = 0; i < text.length(); i += stride) {
            all.add(text.substring(0, i));
            origin.add(p + " prefix " + i);
          }
          java.util.Random random = new java.util.Random(p.toString().hashCode());
          String inserts = "{}%#'\"()[]-";
          for (int r = 0; r < 30 && !text.isEmpty(); r++) {
            int at = random.nextInt(text.length());
            all.add(
                text.substring(0, at)
                    + inserts.charAt(random.nextInt(inserts.length()))
                    + text.substring(at));
            origin.add(p + " insert at " + at);
          }
          int k = 0;
          for (int i = 0; i < text.length(); i++) {
            if ("{}%#'\"()[]-".indexOf(text.charAt(i)) >= 0 && k++ % 5 == 0) {
              all.add(text.substring(0, i) + text.substring(i + 1));
              origin.add(p + " delete " + i);
            }
          }
        }
      }
    }
    List<String> jinja = Jinja2.parseErrors(all);
    int falsePositives = 0;
    int both = 0;
    int onlyJinja = 0;
    int wholeRejected = 0;
    for (int i = 0; i < all.size(); i++) {
      List<ScanError> ours = JinjaScanner.scan(all.get(i)).errors();
      if (jinja.get(i) == null && !ours.isEmpty()) {
        falsePositives++;
        System.out.println("FALSE POSITIVE " + origin.get(i) + ": " + ours.get(0));
      } else if (jinja.get(i) != null) {
        if (origin.get(i).endsWith("(whole)")) {
          wholeRejected++;
          System.out.println(
              "Jinja2 rejects " + origin.get(i) + ": " + jinja.get(i) + " / ours: " + ours);
        }
        if (ours.isEmpty()) {
          onlyJinja++;
        } else {
          both++;
        }
      }
    }
    System.out.printf(
        "variants=%d falsePositives=%d bothReject=%d onlyJinja2Rejects=%d"
            + " wholeFilesJinja2Rejects=%d%n",
        all.size(), falsePositives, both, onlyJinja, wholeRejected);
  }
}
