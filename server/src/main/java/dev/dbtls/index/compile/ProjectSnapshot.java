package dev.dbtls.index.compile;

import dev.dbtls.index.Dag;
import dev.dbtls.index.Manifest;
import dev.dbtls.index.ManifestBuilder;
import dev.dbtls.jinja.DbtJinja;
import dev.dbtls.jinja.JinjaSetup;
import dev.dbtls.jinja.MacroFile;
import dev.dbtls.project.Dispatch;
import dev.dbtls.project.FileKind;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One consistent state of a project: its inputs, the template engine loaded with every macro,
 * and the manifest. Immutable; a change builds a new snapshot.
 */
public record ProjectSnapshot(ProjectInputs inputs, DbtJinja jinja, Manifest manifest,
    Map<String, String> env) {

  public static ProjectSnapshot load(Path projectDir, ProjectInputs.Options options,
      List<Path> builtinMacroDirs, FileSource files) {
    ProjectInputs inputs = ProjectInputs.load(projectDir, options, files);
    DbtJinja jinja = new DbtJinja(setup(inputs, builtinMacroDirs, options.env(), files));
    Manifest empty = new Manifest(inputs, Map.of(), Map.of(), Map.of(), Map.of(), new Dag(Map.of()), List.of());
    ManifestBuilder builder = new ManifestBuilder(inputs,
        new JinjaDynamicParse(jinja, empty, options.env()),
        JinjaRelationNamer.forProject(jinja, empty, options.env()));
    Manifest manifest = builder.build();
    List<dev.dbtls.project.Problem> problems = new ArrayList<>(manifest.problems());
    problems.addAll(jinja.setupProblems());
    Manifest withSetupProblems = new Manifest(inputs, manifest.nodes(), manifest.disabled(),
        manifest.macros(), manifest.docs(), manifest.dag(), List.copyOf(problems));
    return new ProjectSnapshot(inputs, jinja, withSetupProblems, options.env());
  }

  static JinjaSetup setup(ProjectInputs inputs, List<Path> builtinDirs, Map<String, String> env,
      FileSource files) {
    List<MacroFile> macros = new ArrayList<>(
        BuiltinMacros.load(inputs.target().type(), builtinDirs, env, files));
    for (ProjectFile f : inputs.files()) {
      if (f.kind() == FileKind.MACRO || f.kind() == FileKind.GENERIC_TEST) {
        macros.add(new MacroFile(f.packageName(), inputs.displayPath(f), f.text()));
      }
    }
    Map<String, List<String>> searchOrder = new LinkedHashMap<>();
    for (Dispatch d : inputs.root().dispatch()) {
      searchOrder.put(d.macroNamespace(), d.searchOrder());
    }
    return new JinjaSetup(inputs.target().adapter(), inputs.root().name(), List.copyOf(macros),
        searchOrder, null);
  }
}
