package dev.dbtls.jinja.scan;

import dev.dbtls.project.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Manual corpus check, not a test: scans every .sql/.md file under the given folders (e.g. a
 * checkout of dbt-utils), prints every JINJA_SYNTAX problem and counts refs, sources and macro
 * definitions and calls, with the time per file. Run with {@code java -cp
 * server/target/classes:server/target/test-classes dev.dbtls.jinja.scan.ScanCorpusCheck DIR...}.
 */
public final class ScanCorpusCheck {
  public static void main(String[] args) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String a : args) {
      try (Stream<Path> s = Files.walk(Path.of(a))) {
        s.filter(p -> p.toString().endsWith(".sql") || p.toString().endsWith(".md"))
            .sorted()
            .forEach(files::add);
      }
    }
    List<String> texts = new ArrayList<>();
    long bytes = 0;
    for (Path p : files) {
      texts.add(Files.readString(p, StandardCharsets.UTF_8));
      bytes += texts.get(texts.size() - 1).length();
    }
    int problems = 0;
    int refs = 0;
    int sources = 0;
    int macros = 0;
    int calls = 0;
    int render = 0;
    for (int i = 0; i < files.size(); i++) {
      ScannedTemplate t = JinjaScanner.scan(texts.get(i));
      for (Problem pr : t.problems(files.get(i).toString())) {
        System.out.println(pr.format());
        problems++;
      }
      StaticFacts f = StaticExtractor.extract(t);
      refs += f.refs().size();
      sources += f.sources().size();
      macros += f.macros().size();
      calls += f.macroCalls().size();
      render += f.needsRender() ? 1 : 0;
    }
    // Timing: warm up, then repeat the whole corpus.
    for (int r = 0; r < 20; r++) {
      for (String s : texts) {
        StaticExtractor.extract(JinjaScanner.scan(s));
      }
    }
    int reps = 50;
    long t0 = System.nanoTime();
    for (int r = 0; r < reps; r++) {
      for (String s : texts) {
        StaticExtractor.extract(JinjaScanner.scan(s));
      }
    }
    double perFileUs = (System.nanoTime() - t0) / 1000.0 / reps / files.size();
    System.out.printf(
        "files=%d chars=%d problems=%d refs=%d sources=%d macroDefs=%d macroCalls=%d"
            + " needsRender=%d scan+extract=%.1f us/file%n",
        files.size(), bytes, problems, refs, sources, macros, calls, render, perFileUs);
  }
}
