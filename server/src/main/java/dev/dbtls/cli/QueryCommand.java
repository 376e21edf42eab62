package dev.dbtls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dbtls.ide.Analysis;
import dev.dbtls.ide.Analysis.Cursor;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.LineIndex;
import dev.dbtls.project.Problem;
import dev.dbtls.project.Span;
import dev.dbtls.workspace.DbtProjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code dbtls query FEATURE FILE[:LINE:COL] [ARG]}: what an editor feature answers at a place, as
 * JSON on stdout, from the same {@code ide} code the language server calls. For scripts, bug
 * reports and trying features without an editor. Lines and columns are 1-based, as compilers print
 * them.
 */
@Command(
    name = "query",
    description = "Show what an editor feature answers at FILE:LINE:COL, as JSON.",
    footer = {
      "",
      "Features: hover, definition, references, highlights, completion, prepare-rename,",
      "rename NEW_NAME, actions, symbols, folding, tokens, links, lenses, diagnostics,",
      "workspace-symbols QUERY (FILE is then any file or folder of the project)."
    })
final class QueryCommand implements Callable<Integer> {
  private static final Pattern PLACE = Pattern.compile("(.+?):(\\d+):(\\d+)");

  @Mixin ProjectOptions project;

  @Parameters(index = "0", description = "The feature")
  String feature;

  @Parameters(index = "1", description = "FILE or FILE:LINE:COL")
  String place;

  @Parameters(
      index = "2",
      arity = "0..1",
      description = "New name for rename, query for workspace-symbols")
  String argument;

  @Override
  public Integer call() throws Exception {
    try {
      return run();
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    }
  }

  private int run() throws Exception {
    Matcher m = PLACE.matcher(place);
    Path file = Path.of(m.matches() ? m.group(1) : place).toAbsolutePath().normalize();
    project.projectDir =
        Files.isRegularFile(file.resolve("dbt_project.yml"))
            ? file
            : DbtProjects.enclosing(file).orElse(project.projectDir);
    List<String> errors = new ArrayList<>();
    ProjectSnapshot s = project.snapshot(errors, true);
    Path root = s.inputs().root().dir();
    String display = file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    String text = Files.isRegularFile(file) ? Files.readString(file) : "";
    LineIndex lines = new LineIndex(text);
    int offset =
        m.matches()
            ? lines.offset(Integer.parseInt(m.group(2)) - 1, Integer.parseInt(m.group(3)) - 1)
            : 0;
    Analysis a = Analysis.of(s);
    Cursor at = new Cursor(display.replace('\\', '/'), text, offset);
    Object result =
        switch (feature) {
          case "hover" -> a.hover(at).orElse(null);
          case "definition" -> a.definition(at);
          case "references" -> a.references(at, true);
          case "highlights" -> a.highlights(at);
          case "completion" -> a.completion(at);
          case "prepare-rename" -> a.prepareRename(at);
          case "rename" -> a.rename(at, required("rename", argument));
          case "actions" ->
              a.codeActions(
                  at,
                  lines.span(offset, offset),
                  problemsOf(s, file).stream()
                      .filter(p -> p.line() == lines.span(offset, offset).startLine())
                      .toList());
          case "symbols" -> Analysis.documentSymbols(at);
          case "folding" -> Analysis.foldingRanges(at);
          case "tokens" -> Analysis.semanticTokens(at);
          case "links" -> a.documentLinks(at);
          case "lenses" -> a.codeLenses(at);
          case "diagnostics" -> problemsOf(s, file);
          case "workspace-symbols" ->
              a.workspaceSymbols(required("workspace-symbols", argument), 50);
          default ->
              throw new IllegalArgumentException("unknown feature '" + feature + "' (see --help)");
        };
    errors.forEach(e -> System.err.println("error: " + e));
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    json.addMixIn(Span.class, SpanView.class);
    System.out.println(json.writeValueAsString(result));
    return 0;
  }

  private static List<Problem> problemsOf(ProjectSnapshot s, Path file) {
    return Analysis.of(s).diagnostics(List.of(file)).getOrDefault(file, List.of());
  }

  private static String required(String feature, String argument) {
    if (argument == null) {
      throw new IllegalArgumentException(feature + " needs a third argument (see --help)");
    }
    return argument;
  }

  /** Spans print their four numbers, not derived properties. */
  @com.fasterxml.jackson.annotation.JsonAutoDetect(
      getterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE,
      isGetterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE,
      fieldVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)
  private abstract static class SpanView {}
}
