package dev.dbtls.index;

import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.properties.PropertyFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The docs blocks of a project, and the doc() calls of its property files that name none. */
final class DocsParser {
  private final ProjectInputs inputs;
  private final List<Problem> problems;

  DocsParser(ProjectInputs inputs, List<Problem> problems) {
    this.inputs = inputs;
    this.problems = problems;
  }

  Map<String, DocBlock> docs(Map<ProjectFile, ParsedFile> parsed) {
    Map<String, DocBlock> out = new LinkedHashMap<>();
    for (ProjectFile f : inputs.files()) {
      ParsedFile p = parsed.get(f);
      if (p == null || f.kind() != FileKind.DOCS) {
        continue;
      }
      for (StaticFacts.DocsBlock d : p.facts().docs()) {
        DocBlock b =
            new DocBlock(
                f.packageName(),
                d.name(),
                d.content().of(f.text()).strip(),
                p.displayPath(),
                p.span(d.nameRange()));
        DocBlock earlier = out.putIfAbsent(b.uniqueId(), b);
        if (earlier != null) {
          problems.add(
              Problem.at(
                  p.displayPath(),
                  b.span(),
                  ProblemCode.NODE_DUPLICATE,
                  "docs block '" + d.name() + "' is also defined in " + earlier.displayPath()));
        }
      }
    }
    return out;
  }

  void checkDocRefs(java.util.Collection<PropertyFile> files, Map<String, DocBlock> docs) {
    java.util.Set<String> names = new java.util.HashSet<>();
    docs.values()
        .forEach(
            d -> {
              names.add(d.name());
              names.add(d.packageName() + "." + d.name());
            });
    for (PropertyFile f : files) {
      for (PropertyFile.DocRef r : f.docRefs()) {
        String key = r.packageName() == null ? r.name() : r.packageName() + "." + r.name();
        if (!names.contains(key)) {
          problems.add(
              Problem.at(
                  f.path(),
                  r.span(),
                  ProblemCode.DOC_UNKNOWN,
                  "doc('"
                      + key
                      + "') names no docs block"
                      + DidYouMean.suffix(
                          r.name(), docs.values().stream().map(DocBlock::name).toList())));
        }
      }
    }
  }
}
