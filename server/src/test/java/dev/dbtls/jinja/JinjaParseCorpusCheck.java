package dev.dbtls.jinja;

import dev.dbtls.project.Adapter;
import dev.dbtls.project.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Manual check, not a test: loads every .sql file under the given folders as a macro file and
 * prints the files with syntax problems (tags and expressions), and the share that load clean.
 */
public final class JinjaParseCorpusCheck {
  public static void main(String[] args) throws IOException {
    List<MacroFile> files = new ArrayList<>();
    for (String a : args) {
      try (Stream<Path> s = Files.walk(Path.of(a))) {
        for (Path p : s.filter(x -> x.toString().endsWith(".sql")).sorted().toList()) {
          files.add(new MacroFile("pkg", p.toString(), Files.readString(p)));
        }
      }
    }
    DbtJinja j =
        new DbtJinja(new JinjaSetup(Adapter.of("postgres"), "proj", files, Map.of(), null));
    TreeSet<String> bad = new TreeSet<>();
    for (Problem p : j.setupProblems()) {
      bad.add(p.file());
      System.err.println(p.format());
    }
    System.err.printf(
        "%d of %d files load without problems (%.1f%%)%n",
        files.size() - bad.size(),
        files.size(),
        100.0 * (files.size() - bad.size()) / files.size());
  }
}
