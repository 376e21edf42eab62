package dev.dbtls.index;

import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Span;
import dev.dbtls.jinja.scan.TextRange;

/** A SQL or Markdown file scanned once: its template, static facts and line index. */
public record ParsedFile(ProjectFile file, String displayPath, ScannedTemplate template,
    StaticFacts facts, LineIndex lines) {

  public static ParsedFile of(ProjectFile file, String displayPath) {
    ScannedTemplate t = JinjaScanner.scan(file.text());
    return new ParsedFile(file, displayPath, t, StaticExtractor.extract(t), new LineIndex(file.text()));
  }

  public Span span(TextRange r) {
    return r == null ? Span.NONE : lines.span(r.start(), r.end());
  }
}
