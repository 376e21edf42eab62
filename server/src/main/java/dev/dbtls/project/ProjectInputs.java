package dev.dbtls.project;

import dev.dbtls.project.yaml.YamlDocument;
import dev.dbtls.project.yaml.YamlMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything dbt reads before it parses: the root project, its installed packages, the chosen
 * target, vars, and the text of every project file. Pure input; the index derives the rest.
 */
public record ProjectInputs(
    DbtProject root,
    Map<String, DbtProject> packages,
    Target target,
    Path profilesFile,
    Vars vars,
    List<ProjectFile> files,
    List<Problem> problems,
    DbtVersion dbtVersion) {

  /**
   * Options the user gives on the command line or in editor settings.
   *
   * @param dbtVersion the dbt version to emulate ({@code dbtls.dbtVersion}, {@code --dbt-version});
   *     null: dbt 1.12 unless require-dbt-version excludes it
   */
  public record Options(
      Path profilesDir,
      String profile,
      String target,
      Map<String, Object> cliVars,
      Map<String, String> env,
      String dbtVersion) {
    public Options(
        Path profilesDir,
        String profile,
        String target,
        Map<String, Object> cliVars,
        Map<String, String> env) {
      this(profilesDir, profile, target, cliVars, env, null);
    }

    public static Options defaults() {
      return new Options(null, null, null, Map.of(), System.getenv());
    }

    /** These options emulating {@code version}. */
    public Options withDbtVersion(String version) {
      return new Options(profilesDir, profile, target, cliVars, env, version);
    }
  }

  public static ProjectInputs load(Path projectDir, Options options, FileSource files) {
    Path dir = projectDir.toAbsolutePath().normalize();
    List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    // dbt 1.12 reads vars.yml first: dbt_project.yml's var() sees it and --vars over it
    VarsFile varsFile = VarsFile.read(dir, files);
    problems.addAll(varsFile.problems());
    Map<String, Object> early = Vars.merged(varsFile.vars(), options.cliVars());
    YamlJinja bootstrap = new YamlJinja(options.env(), early::get);
    DbtProject first = DbtProject.read(dir, files, bootstrap);
    // dbt_project.yml may use var() of its own vars without a default (dbt fails; dbtls renders
    // them and says so): render once more with them in scope
    Set<String> ownOnly = java.util.concurrent.ConcurrentHashMap.newKeySet();
    YamlJinja withVars =
        new YamlJinja(
            options.env(),
            early::get,
            name -> {
              Object v = first.vars().get(name);
              if (v != null) {
                ownOnly.add(name);
              }
              return v;
            });
    DbtProject root = DbtProject.read(dir, files, withVars);
    problems.addAll(root.problems());
    ownVarsUsed(ownOnly, files.read(dir.resolve(DbtProject.FILE)).orElse(""), problems);
    if (varsFile.defines() && !root.vars().isEmpty()) {
      problems.add(
          Problem.at(
              DbtProject.FILE,
              root.document().rootMap().keySpan("vars"),
              ProblemCode.VARS_DEFINED_TWICE,
              "vars are defined both here and in vars.yml, which dbt refuses: move them to"
                  + " vars.yml (its vars win over these)"));
    }
    DbtVersion dbtVersion = DbtVersion.choose(options.dbtVersion(), root.requireDbtVersion());
    List<String> unmet = dbtVersion.unmet(root.requireDbtVersion());
    Span versionSpan = root.document().rootMap().keySpan("require-dbt-version");
    if (!unmet.isEmpty()) {
      problems.add(
          Problem.at(
              DbtProject.FILE,
              versionSpan,
              ProblemCode.DBT_VERSION_MISMATCH,
              "require-dbt-version "
                  + unmet
                  + " is not met by dbt "
                  + dbtVersion
                  + ", whose behaviour dbtls follows; compiling anyway"));
    } else if (!dbtVersion.equals(DbtVersion.DEFAULT) && options.dbtVersion() == null) {
      problems.add(
          Problem.at(
              DbtProject.FILE,
              versionSpan,
              ProblemCode.DBT_VERSION_MISMATCH,
              "require-dbt-version excludes dbt "
                  + DbtVersion.DEFAULT
                  + ": dbtls follows dbt "
                  + dbtVersion
                  + " where versions differ (setting dbtls.dbtVersion picks another)"));
    }

    Map<String, DbtProject> packages = new LinkedHashMap<>();
    Path installDir = dir.resolve(root.packagesInstallPath());
    for (Path pkgDir : packageDirs(installDir, files)) {
      DbtProject pkg = DbtProject.read(pkgDir, files, withVars);
      if (packages.containsKey(pkg.name()) || pkg.name().equals(root.name())) {
        continue;
      }
      packages.put(pkg.name(), pkg);
      String prefix = dir.relativize(pkgDir) + "/";
      pkg.problems().forEach(p -> problems.add(prefixed(p, prefix)));
    }
    addLocalPackages(dir, installDir, root, packages, files, withVars, problems);
    checkPackagesInstalled(dir, root, packages, files, problems);

    Vars vars = new Vars(options.cliVars(), varsFile, root, packages);
    YamlJinja profileJinja =
        new YamlJinja(
            options.env(),
            name -> vars.lookup(root.name(), name).map(Vars.Holder::value).orElse(null));
    Profiles.Resolution res =
        Profiles.resolve(
            root,
            options.profilesDir(),
            options.profile(),
            options.target(),
            options.env(),
            files,
            profileJinja);
    problems.addAll(res.problems());

    // a project flag: the root project's counts for its packages too
    boolean jinjaExtensions = root.flag(JinjaFileExtensions.FLAG);
    List<ProjectFile> all = new ArrayList<>(ProjectFileFinder.find(root, files, jinjaExtensions));
    packages.values().forEach(p -> all.addAll(ProjectFileFinder.find(p, files, jinjaExtensions)));
    return new ProjectInputs(
        root,
        Collections.unmodifiableMap(packages),
        res.target(),
        res.profilesFile(),
        vars,
        List.copyOf(all),
        List.copyOf(problems),
        dbtVersion);
  }

  /**
   * These inputs with one project file's text replaced (or added, or removed when {@code text} is
   * null). Null when the change needs a full reload: a dbt_project.yml, vars.yml, profiles.yml or
   * packages file, or a file that is not yet known to belong to a resource folder.
   */
  public ProjectInputs withFile(Path file, String text) {
    Path abs = file.toAbsolutePath().normalize();
    String name = abs.getFileName().toString();
    if (name.equals(DbtProject.FILE)
        || name.equals(Profiles.FILE)
        || name.equals("packages.yml")
        || name.equals("dependencies.yml")
        || abs.equals(root.dir().resolve(VarsFile.FILE))) {
      return null;
    }
    List<ProjectFile> changed = new ArrayList<>(files.size());
    boolean found = false;
    for (ProjectFile f : files) {
      if (f.isAt(abs)) {
        found = true;
        if (text != null) {
          changed.add(new ProjectFile(f.kind(), f.packageName(), f.relativePath(), abs, text));
        }
      } else {
        changed.add(f);
      }
    }
    return found
        ? new ProjectInputs(
            root, packages, target, profilesFile, vars, List.copyOf(changed), problems, dbtVersion)
        : null;
  }

  public DbtProject project(String packageName) {
    return root.name().equals(packageName) ? root : packages.get(packageName);
  }

  public Set<String> packageNames() {
    Set<String> names = new java.util.LinkedHashSet<>();
    names.add(root.name());
    names.addAll(packages.keySet());
    return names;
  }

  /**
   * The path a user knows a file by: relative to the root project. For a root project's file, the
   * file's own relative path (one string, not another per node, parse and property file that name
   * it: 100,000 models held three of each).
   */
  public String displayPath(ProjectFile f) {
    String p = root.dir().relativize(f.absolutePath()).toString();
    return p.equals(f.relativePath()) ? f.relativePath() : p;
  }

  /**
   * dbt renders dbt_project.yml with vars.yml and {@code --vars} only: a {@code var()} there that
   * only the file's own {@code vars:} answers fails in dbt. Located at each such call.
   */
  private static void ownVarsUsed(Set<String> names, String text, List<Problem> problems) {
    if (names.isEmpty()) {
      return;
    }
    LineIndex lines = new LineIndex(text);
    for (String name : new java.util.TreeSet<>(names)) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile(
                  "\\bvar\\s*\\(\\s*['\"]" + java.util.regex.Pattern.quote(name) + "['\"]\\s*\\)")
              .matcher(text);
      while (m.find()) {
        problems.add(
            Problem.at(
                DbtProject.FILE,
                lines.span(m.start(), m.end()),
                ProblemCode.JINJA_RENDER,
                "Required var '"
                    + name
                    + "' not found: dbt renders dbt_project.yml with the vars of vars.yml and"
                    + " --vars only, not its own vars: (dbtls used that value; move it to"
                    + " vars.yml)"));
      }
    }
  }

  private static Problem prefixed(Problem p, String prefix) {
    return new Problem(
        prefix + p.file(),
        p.line(),
        p.column(),
        p.endLine(),
        p.endColumn(),
        p.severity(),
        p.code(),
        p.message());
  }

  /**
   * Every dbt project directly under the install folder, as dbt loads them whatever packages.yml
   * says (it is read by {@code dbt deps} only): folders, and the symbolic links {@code dbt deps}
   * makes for {@code local:} packages, which listing the folder does not follow.
   */
  private static List<Path> packageDirs(Path installDir, FileSource files) {
    Set<Path> out = new java.util.LinkedHashSet<>();
    // "" lists every entry, links to folders included (as entries of their own)
    for (Path f : files.list(installDir, Set.of(""))) {
      Path parent = f.getParent();
      if (parent == null) {
        continue;
      }
      // only dbt_packages/<name>/dbt_project.yml: nested example projects are not packages
      if (f.getFileName().toString().equals(DbtProject.FILE)
          && installDir.equals(parent.getParent())) {
        out.add(parent);
      } else if (installDir.equals(parent) && files.read(f.resolve(DbtProject.FILE)).isPresent()) {
        out.add(f);
      }
    }
    return out.stream().sorted().toList();
  }

  /**
   * {@code local:} packages, under their project's name: from the install folder when {@code dbt
   * deps} put them there (a symbolic link, which listing the folder does not follow), else straight
   * from their path, which dbt itself cannot do (a notice says so).
   */
  private static void addLocalPackages(
      Path dir,
      Path installDir,
      DbtProject root,
      Map<String, DbtProject> packages,
      FileSource files,
      YamlJinja jinja,
      List<Problem> problems) {
    for (String name : List.of("packages.yml", "dependencies.yml")) {
      String text = files.read(dir.resolve(name)).orElse(null);
      if (text == null) {
        continue;
      }
      for (YamlMap entry : YamlDocument.parse(name, text).rootMap().list("packages").maps()) {
        String local = entry.string("local");
        Path path = local == null ? null : localPackageDir(dir, local, files);
        if (path == null || files.read(path.resolve(DbtProject.FILE)).isEmpty()) {
          continue;
        }
        String pkgName = DbtProject.read(path, files, jinja).name();
        if (packages.containsKey(pkgName) || pkgName.equals(root.name())) {
          continue;
        }
        Path installed = installDir.resolve(pkgName);
        boolean inInstallDir = files.read(installed.resolve(DbtProject.FILE)).isPresent();
        DbtProject pkg = DbtProject.read(inInstallDir ? installed : path, files, jinja);
        packages.put(pkgName, pkg);
        String prefix = dir.relativize(pkg.dir()) + "/";
        pkg.problems().forEach(p -> problems.add(prefixed(p, prefix)));
        if (!inInstallDir) {
          problems.add(
              Problem.at(
                  name,
                  entry.get("local").span(),
                  ProblemCode.PACKAGE_READ_LOCALLY,
                  "package '"
                      + pkgName
                      + "' is read from "
                      + local
                      + " as it is: `dbt deps` has not "
                      + "installed it in "
                      + root.packagesInstallPath()
                      + "/, which dbt itself needs"));
        }
      }
    }
  }

  private static void checkPackagesInstalled(
      Path dir,
      DbtProject root,
      Map<String, DbtProject> installed,
      FileSource files,
      List<Problem> problems) {
    for (String name : List.of("packages.yml", "dependencies.yml")) {
      String text = files.read(dir.resolve(name)).orElse(null);
      if (text == null) {
        continue;
      }
      YamlDocument doc = YamlDocument.parse(name, text);
      problems.addAll(doc.problems());
      // a git package installs under its project's name, which the URL need not spell
      // (dbt-audit-helper is audit_helper): an installed package no entry names may be it
      Set<String> unclaimed = new java.util.HashSet<>(installed.keySet());
      List<Map.Entry<PackageSpec, Boolean>> missing = new ArrayList<>();
      for (YamlMap entry : doc.rootMap().list("packages").maps()) {
        PackageSpec spec = spec(entry, dir, files);
        if (spec == null) {
          continue;
        }
        Optional<String> found = installedAs(spec.expectedName(), installed);
        if (found.isPresent()) {
          unclaimed.remove(found.get());
        } else {
          // a git URL need not spell the project's name, nor a local path that does not resolve
          boolean unnamed =
              entry.has("git")
                  || entry.has("local")
                      && files
                          .read(dir.resolve(spec.declared()).resolve(DbtProject.FILE))
                          .isEmpty();
          missing.add(Map.entry(spec, unnamed));
        }
      }
      for (Map.Entry<PackageSpec, Boolean> m : missing) {
        PackageSpec spec = m.getKey();
        if (m.getValue() && !unclaimed.isEmpty()) {
          unclaimed.remove(unclaimed.iterator().next());
          continue;
        }
        problems.add(
            Problem.at(
                name,
                spec.span(),
                ProblemCode.PACKAGES_NOT_INSTALLED,
                "package '"
                    + spec.declared()
                    + "' is not installed in "
                    + root.packagesInstallPath()
                    + "/; run `dbt deps` (its macros and models are unknown until then)"));
      }
    }
  }

  /**
   * The installed package an entry names: by project name, folder, or the URL's repo name without a
   * dbt- prefix.
   */
  private static Optional<String> installedAs(String expected, Map<String, DbtProject> installed) {
    String loose =
        expected.toLowerCase(java.util.Locale.ROOT).replaceFirst("^dbt[-_]", "").replace('-', '_');
    for (Map.Entry<String, DbtProject> e : installed.entrySet()) {
      String folder = e.getValue().dir().getFileName().toString();
      if (e.getKey().equals(expected)
          || folder.equals(expected)
          || e.getKey().equals(loose)
          || folder.equals(loose)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  /**
   * The folder of a {@code local:} package: as written, normalised; but where that holds no
   * dbt_project.yml and the path goes up ({@code ..}) from a project folder reached through a
   * symbolic link, from the folder's real path, as POSIX systems (and so dbt) take {@code ..}: of a
   * link to {@code repo/integration_tests} it is {@code repo}, not the link's own folder. Only on
   * the same root (a link onto another drive stays as written).
   */
  private static Path localPackageDir(Path dir, String local, FileSource files) {
    Path written = dir.resolve(local).normalize();
    if (!local.contains("..") || files.read(written.resolve(DbtProject.FILE)).isPresent()) {
      return written;
    }
    try {
      Path real = dir.toRealPath().resolve(local).normalize();
      if (java.util.Objects.equals(real.getRoot(), dir.getRoot())
          && files.read(real.resolve(DbtProject.FILE)).isPresent()) {
        return real;
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not on disk (a project in memory): as written
    }
    return written;
  }

  private static PackageSpec spec(YamlMap entry, Path dir, FileSource files) {
    String declared =
        entry.string("package") != null
            ? entry.string("package")
            : entry.string("git") != null ? entry.string("git") : entry.string("local");
    if (declared == null) {
      return null;
    }
    String expected = PackageSpec.expectedName(declared);
    if (entry.has("local")) {
      DbtProject local =
          DbtProject.read(
              localPackageDir(dir, declared, files), files, new YamlJinja(Map.of(), n -> null));
      expected = local.name();
    }
    String key = entry.has("package") ? "package" : entry.has("git") ? "git" : "local";
    return new PackageSpec(declared, expected, entry.get(key).span());
  }
}
