package dev.dbtls.cli;

import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags every project command shares, spelled as dbt spells them. */
final class ProjectOptions {
  @Option(
      names = "--project-dir",
      description = "Folder with dbt_project.yml (default: current folder)")
  Path projectDir = Path.of(".");

  @Option(names = "--profiles-dir", description = "Folder with profiles.yml")
  Path profilesDir;

  @Option(names = "--profile", description = "Profile to use instead of dbt_project.yml's")
  String profile;

  @Option(
      names = {"--target", "-t"},
      description = "Target of the profile")
  String target;

  @Option(names = "--vars", description = "YAML mapping of vars, e.g. '{days: 3}'")
  String vars;

  @Option(
      names = {"--select", "-s", "--models", "-m"},
      arity = "1..*",
      description = "Node selection (dbt syntax)")
  List<String> select = new ArrayList<>();

  @Option(names = "--exclude", arity = "1..*", description = "Nodes to leave out (dbt syntax)")
  List<String> exclude = new ArrayList<>();

  @Option(
      names = "--dbt-version",
      description =
          "dbt version to emulate where versions differ, e.g. 1.6 (default: 1.12, or the newest"
              + " release require-dbt-version allows)")
  String dbtVersion;

  @Option(
      names = "--builtin-macros",
      description = "Folder of dbt's own macros to load (repeatable)")
  List<Path> builtinMacros = new ArrayList<>();

  /** Parsed --vars; a malformed value is reported and treated as empty. */
  @SuppressWarnings("unchecked")
  Map<String, Object> cliVars(List<String> errors) {
    if (vars == null || vars.isBlank()) {
      return Map.of();
    }
    YamlDocument doc = YamlDocument.parse("--vars", vars);
    doc.problems().forEach(p -> errors.add(p.format()));
    Object plain = doc.root() == null ? null : doc.root().toPlain();
    if (plain instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    if (doc.problems().isEmpty()) {
      errors.add("--vars: expected a YAML mapping such as '{key: value}'");
    }
    return Map.of();
  }

  /** Inputs, engine and manifest, as every command that needs the project graph loads them. */
  dev.dbtls.index.compile.ProjectSnapshot snapshot(List<String> errors, boolean willRender) {
    // parses come from and go to the on-disk cache: written beside the build and the command's
    // own work (the parses once every file is scanned, the linked manifest once it is built), and
    // waited for at exit
    dev.dbtls.index.ParseCache cache =
        dev.dbtls.index.ParseCache.open(projectDir).writtenBesideTheBuild();
    Runtime.getRuntime().addShutdownHook(new Thread(cache::save, "dbtls-cache-save"));
    dev.dbtls.index.compile.ProjectSnapshot s =
        dev.dbtls.index.compile.ProjectSnapshot.load(
            projectDir, options(errors), builtinMacros, FileSource.DISK, willRender, cache);
    new Thread(cache::save, "dbtls-linked-cache-save").start();
    return s;
  }

  ProjectInputs load(List<String> errors) {
    return ProjectInputs.load(projectDir, options(errors), FileSource.DISK);
  }

  /** The inputs' options these flags give (for servers that load the project themselves). */
  ProjectInputs.Options inputOptions(List<String> errors) {
    return options(errors);
  }

  private ProjectInputs.Options options(List<String> errors) {
    if (dbtVersion != null && dev.dbtls.project.DbtVersion.parse(dbtVersion) == null) {
      errors.add("--dbt-version: not a dbt version (like 1.12 or 1.6.3): " + dbtVersion);
    }
    return new ProjectInputs.Options(
        profilesDir, profile, target, cliVars(errors), System.getenv(), dbtVersion);
  }
}
