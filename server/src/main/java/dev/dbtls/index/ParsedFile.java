package dev.dbtls.index;

import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.jinja.scan.TextRange;
import dev.dbtls.jinja.scan.TopLevelBlocks;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.Span;
import java.util.List;

/**
 * A SQL or Markdown file scanned once: its static facts, syntax problems and line index. The token
 * list is not kept: on a 10k-model project it outweighs everything else, and a feature that needs
 * tokens rescans one file in microseconds.
 */
public record ParsedFile(
    ProjectFile file,
    String displayPath,
    StaticFacts facts,
    List<Problem> syntaxProblems,
    LineIndex lines) {

  public static ParsedFile of(ProjectFile file, String displayPath) {
    return of(file, displayPath, file.text());
  }

  /**
   * The file's facts read from {@code text}, its text as the caller read it (the parse cache: the
   * text it hashed, which the file need not keep).
   */
  public static ParsedFile of(ProjectFile file, String displayPath, String text) {
    java.util.Set<String> blocks =
        switch (file.kind()) {
          case MACRO -> TopLevelBlocks.MACRO_BLOCKS;
          case GENERIC_TEST -> TopLevelBlocks.GENERIC_TEST_BLOCKS;
          case DOCS -> TopLevelBlocks.DOCS_BLOCKS;
          default -> null;
        };
    if (blocks == null) {
      ScannedTemplate t = JinjaScanner.scan(text);
      return new ParsedFile(
          file,
          displayPath,
          StaticExtractor.extract(t),
          t.errors().isEmpty() ? List.of() : t.problems(displayPath),
          new LineIndex(text));
    }
    // macro and docs files: only their top-level blocks are Jinja, as dbt's block extractor reads
    // them
    TopLevelBlocks.Result r = TopLevelBlocks.extract(text, blocks);
    ScannedTemplate t = JinjaScanner.scan(r.blocksOnly());
    LineIndex lines = new LineIndex(text);
    List<Problem> problems = new java.util.ArrayList<>();
    for (dev.dbtls.jinja.scan.ScanError e : r.errors()) {
      problems.add(
          Problem.at(
              displayPath,
              lines.span(e.start(), e.end()),
              dev.dbtls.project.ProblemCode.JINJA_SYNTAX,
              e.message()));
    }
    problems.addAll(t.problems(displayPath));
    return new ParsedFile(
        file, displayPath, StaticExtractor.extract(t), List.copyOf(problems), lines);
  }

  public Span span(TextRange r) {
    return r == null ? Span.NONE : lines.span(r.start(), r.end());
  }
}
