package dev.dbtls.jinja;

import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.project.Adapter;
import dev.dbtls.project.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a file parses, by both of our parsers: the tolerant scanner the index and the editor use,
 * and the engine that renders. What the differential parse check against Jinja2 compares.
 */
public final class ParseCheck {
  private final DbtJinja engine =
      new DbtJinja(
          new JinjaSetup(Adapter.of("postgres"), "parse_check", List.of(), Map.of(), null));

  /** The syntax problems of {@code text} parsed whole; empty when it parses. */
  public List<Problem> problems(String path, String text) {
    List<Problem> out = new ArrayList<>(JinjaScanner.scan(text == null ? "" : text).problems(path));
    out.addAll(engine.parseProblems(path, text));
    return out;
  }
}
