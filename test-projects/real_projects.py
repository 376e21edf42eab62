"""The work of real-projects.sh (see there): runs dbtls on real dbt projects and reports."""
import collections
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

PROBLEM = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info|hint) "
                     r"(?P<code>[a-z0-9-]+): (?P<msg>.*)$")
UNLOCATED = re.compile(r"^(?P<sev>error|warning) (?P<code>[a-z0-9-]+): (?P<msg>.*)$")
COMPILED = re.compile(r"Compiled (\d+) of (\d+) nodes(?: \((\d+) failed\))?")
TIMEOUT = int(os.environ.get("TIMEOUT", "900"))
JAVA_OPTS = os.environ.get("JAVA_OPTS", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx2g").split()


def load_yaml(path):
    try:
        import yaml
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f) or {}
    except Exception:
        return {}


def json_objects(lines):
    """The lines that are JSON objects (`ls -o json`); a problem message quoting Jinja
    (`{%- else -%}`) also starts with `{` and is skipped."""
    objects = []
    for line in lines:
        if line.startswith("{"):
            try:
                objects.append(json.loads(line))
            except ValueError:
                pass
    return objects


def run(jar, args, log, env=None):
    """Runs the jar; returns (seconds, exit code, output lines)."""
    start = time.monotonic()
    with open(log, "w", encoding="utf-8") as f:
        try:
            p = subprocess.run(["java", *JAVA_OPTS, "-jar", jar, *args], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=TIMEOUT,
                               env={**os.environ, **(env or {})})
            text, rc = p.stdout.decode("utf-8", "replace"), p.returncode
        except subprocess.TimeoutExpired as e:
            text, rc = (e.stdout or b"").decode("utf-8", "replace") + "\nTIMEOUT\n", "timeout"
        f.write(text)
    return time.monotonic() - start, rc, text.splitlines()


def find_reference(project):
    """dbt's own output committed with the project: ('manifest', path) or ('compiled', dir)."""
    for rel in ("target/manifest.json", "docs/manifest.json", "../docs/manifest.json",
                "../../docs/manifest.json"):
        path = os.path.normpath(os.path.join(project, rel))
        if os.path.isfile(path) and os.path.getsize(path) > 0:
            try:
                with open(path, encoding="utf-8") as f:
                    m = json.load(f)
            except Exception:
                continue
            if any(n.get("compiled_code") or n.get("compiled_sql") for n in m.get("nodes", {}).values()):
                return "manifest", path, m
    compiled = os.path.join(project, "target", "compiled")
    if os.path.isdir(compiled):
        return "compiled", compiled, None
    return None, None, None


def target_of(manifest):
    """(database, schema) of the target dbt ran with, read back from the manifest's models."""
    dbs, schemas = collections.Counter(), collections.Counter()
    for n in manifest.get("nodes", {}).values():
        if n.get("resource_type") not in ("model", "seed"):
            continue
        cfg = n.get("config", {})
        if n.get("database") and not cfg.get("database"):
            dbs[n["database"]] += 1
        custom, schema = cfg.get("schema"), n.get("schema")
        if not schema:
            continue
        if not custom:
            schemas[schema] += 1
        elif schema.endswith("_" + str(custom)):
            schemas[schema[: -len(str(custom)) - 1]] += 1
    return (dbs.most_common(1)[0][0] if dbs else None, schemas.most_common(1)[0][0] if schemas else None)


def own_profile_type(project, profile):
    doc = load_yaml(os.path.join(project, "profiles.yml"))
    prof = doc.get(profile) if isinstance(doc, dict) else None
    if not isinstance(prof, dict):
        return None
    outputs = prof.get("outputs") or {}
    target = prof.get("target")
    out = outputs.get(target) if isinstance(target, str) and target in outputs else next(iter(outputs.values()), None)
    t = out.get("type") if isinstance(out, dict) else None
    return t if isinstance(t, str) and "{" not in t else None


def profile_yaml(profile, adapter, database, schema):
    db = database or "analytics"
    sc = schema or "dbt"
    fields = {
        "snowflake": {"account": "acme", "user": "me", "password": "x", "database": db, "schema": sc,
                      "warehouse": "wh", "role": "r"},
        "bigquery": {"method": "oauth", "project": db, "dataset": sc},
        "databricks": {"host": "localhost", "http_path": "/sql", "token": "x", "catalog": db, "schema": sc},
        "spark": {"host": "localhost", "method": "thrift", "schema": sc},
        "duckdb": {"path": ":memory:", "database": db if database else "memory", "schema": sc if schema else "main"},
        "trino": {"host": "localhost", "user": "me", "database": db, "schema": sc, "port": 8080},
        "clickhouse": {"host": "localhost", "schema": sc},
    }.get(adapter, {"host": "127.0.0.1", "user": "me", "password": "x", "port": 5432, "dbname": db,
                    "schema": sc})
    lines = [f"{profile}:", "  target: dev", "  outputs:", "    dev:", f"      type: {adapter}", "      threads: 1"]
    lines += [f"      {k}: {json.dumps(v)}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


def normalize(sql):
    return "\n".join(line.rstrip() for line in sql.replace("\r\n", "\n").split("\n")).rstrip("\n")


def source_file(project, manifest, package, path):
    """The model's file as the project has it now (the root project or an installed package)."""
    root = manifest.get("metadata", {}).get("project_name")
    conf = load_yaml(os.path.join(project, "dbt_project.yml"))
    if package in (root, conf.get("name")):
        return os.path.join(project, path)
    install = conf.get("packages-install-path") or "dbt_packages"
    return os.path.join(project, install, package, path)


def compare(kind, ref, manifest, ours, diffdir, project):
    """Per-model comparison of our compiled/ tree with dbt's; returns counts and example names.
    A model whose file differs from the manifest's raw_code (the manifest is older than the
    source) is counted as stale and left out of the comparison."""
    import difflib
    res = collections.Counter()
    differing = []
    items = []  # (key, dbt's sql, plain?)
    if kind == "manifest":
        nodes = manifest.get("nodes", {})
        ephemeral = {k for k, n in nodes.items() if n.get("config", {}).get("materialized") == "ephemeral"}
        for key, n in nodes.items():
            sql = n.get("compiled_code") or n.get("compiled_sql")
            if n.get("resource_type") != "model" or not sql or n.get("language", "sql") != "sql":
                continue
            path = n["original_file_path"].replace("\\", "/")
            raw = n.get("raw_code") if "raw_code" in n else n.get("raw_sql")
            try:
                with open(source_file(project, manifest, n["package_name"], path), encoding="utf-8") as f:
                    now = f.read()
            except OSError:
                now = None
            if raw is not None and (now is None or normalize(now) != normalize(raw)):
                res["stale"] += 1
                continue
            incremental = n.get("config", {}).get("materialized") == "incremental"
            parents = set(n.get("depends_on", {}).get("nodes", []))
            plain = not incremental and not (parents & ephemeral)
            items.append((os.path.join(n["package_name"], path), sql, plain))
    else:
        for root, _, files in os.walk(ref):
            for name in files:
                rel = os.path.relpath(os.path.join(root, name), ref)
                if name.endswith(".sql") and "/models/" in "/" + rel and ".yml/" not in rel:
                    with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                        items.append((rel, f.read(), True))
    for rel, sql, plain in items:
        res["models"] += 1
        res["plain"] += plain
        path = os.path.join(ours, rel)
        if not os.path.isfile(path):
            res["missing"] += 1
            res["plain_missing"] += plain
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            mine = f.read()
        if normalize(mine) == normalize(sql):
            res["identical"] += 1
            res["plain_identical"] += plain
        else:
            differing.append(rel)
            os.makedirs(diffdir, exist_ok=True)
            with open(os.path.join(diffdir, rel.replace("/", "__") + ".diff"), "w", encoding="utf-8") as f:
                f.writelines(difflib.unified_diff(normalize(sql).splitlines(True), normalize(mine).splitlines(True),
                                                  "dbt/" + rel, "dbtls/" + rel))
    return dict(res), differing


def unique_labels(specs):
    """Each spec's project label; where two projects would share one (two owners' repositories of
    the same name), the owner is kept: owner+name/..."""
    dirs = [os.path.abspath(spec.split(",")[0].partition("=")[0]) for spec in specs]
    labels = [label_of(d) for d in dirs]
    shared = {x for x in labels if labels.count(x) > 1}
    for i, d in enumerate(dirs):
        if labels[i] in shared:
            parts = d.rstrip("/").split("/")
            at = next((k for k, part in enumerate(parts) if "+" in part), len(parts) - 2)
            labels[i] = "/".join(parts[at:])
    return dict(zip(specs, labels))


def prepare(out, spec, label=None):
    """The project folder of a DIR[=ADAPTER][,NAME=VALUE]... spec, its work folder under out and a
    throwaway profiles folder: (project, work, profiles dir, env, result with the common fields,
    reference kind, reference path, manifest)."""
    first, *assignments = spec.split(",")
    project, _, adapter = first.partition("=")
    env = dict(a.split("=", 1) for a in assignments)
    project = os.path.abspath(project)
    label = label or label_of(project)
    work = os.path.join(out, re.sub(r"[^A-Za-z0-9_.+-]+", "_", label))
    os.makedirs(work, exist_ok=True)
    conf = load_yaml(os.path.join(project, "dbt_project.yml"))
    profile = conf.get("profile") or "default"
    kind, ref, manifest = find_reference(project)
    database, schema = target_of(manifest) if manifest else (None, None)
    adapter = (adapter or (manifest or {}).get("metadata", {}).get("adapter_type")
               or own_profile_type(project, profile) or "postgres")
    profiles = tempfile.mkdtemp(prefix="profiles.", dir=work)
    with open(os.path.join(profiles, "profiles.yml"), "w", encoding="utf-8") as f:
        f.write(profile_yaml(profile, adapter, database, schema))
    r = {"project": label, "dir": project, "adapter": adapter, "env": env}
    return project, work, profiles, env, r, (kind, ref, manifest)


def measure(jar, out, spec, label=None):
    project, work, profiles, env, r, (kind, ref, manifest) = prepare(out, spec, label)
    conf = load_yaml(os.path.join(project, "dbt_project.yml"))
    common = ["--project-dir", project, "--profiles-dir", profiles]

    _, _, lines = run(jar, ["ls", *common, "--resource-type", "model", "-o", "json"], os.path.join(work, "ls.txt"), env)
    models = json_objects(lines)
    r["models"] = len(models)
    r["own_models"] = sum(1 for m in models if m.get("package_name") == conf.get("name"))

    secs, rc, lines = run(jar, ["check", *common], os.path.join(work, "check.txt"), env)
    r["check_s"], r["check_rc"] = round(secs, 1), rc
    problems = [m.groupdict() for m in map(PROBLEM.match, lines) if m]
    with open(os.path.join(work, "problems.json"), "w", encoding="utf-8") as f:
        json.dump(problems, f, indent=0)
    r["errors"] = collections.Counter(p["code"] for p in problems if p["sev"] == "error")
    r["warnings"] = collections.Counter(p["code"] for p in problems if p["sev"] == "warning")

    ours = os.path.join(work, "compile")
    secs, rc, lines = run(jar, ["compile", *common, "--output-dir", ours], os.path.join(work, "compile.txt"), env)
    r["compile_s"], r["compile_rc"] = round(secs, 1), rc
    m = next((COMPILED.search(l) for l in reversed(lines) if COMPILED.search(l)), None)
    r["compiled"], r["nodes"], r["failed"] = (int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)) if m else (0, 0, None)
    located = {(p["file"], p["line"], p["code"], p["msg"]) for p in problems}
    compile_problems = []
    for l in lines:
        m = PROBLEM.match(l) or UNLOCATED.match(l)
        if m and m["sev"] == "error":
            p = {"file": "", "line": "", "col": "", **m.groupdict()}
            if (p["file"], p["line"], p["code"], p["msg"]) not in located:
                compile_problems.append(p)
    with open(os.path.join(work, "compile-problems.json"), "w", encoding="utf-8") as f:
        json.dump(compile_problems, f, indent=0)
    r["compile_only_errors"] = collections.Counter(p["code"] for p in compile_problems)

    r["reference"] = os.path.relpath(ref, project) if ref else None
    if kind:
        r["identical"], differing = compare(kind, ref, manifest, os.path.join(ours, "compiled"),
                                            os.path.join(work, "diffs"), project)
        r["differing"] = differing[:50]
    return r


def tree_digest(root):
    """{relative path: sha1} of every file under root (a folder named target or logs, dbt's output,
    left out), to tell which files a command wrote."""
    import hashlib
    digest = {}
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in ("target", "logs")]
        for name in files:
            path = os.path.join(d, name)
            if os.path.islink(path):
                continue
            with open(path, "rb") as f:
                digest[os.path.relpath(path, root)] = hashlib.sha1(f.read()).hexdigest()
    return digest


def changed(before, after):
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


def compile_counts(lines):
    m = next((COMPILED.search(l) for l in reversed(lines) if COMPILED.search(l)), None)
    return {"compiled": int(m.group(1)), "nodes": int(m.group(2)), "failed": int(m.group(3) or 0)} if m else None


def compare_trees(a, b, diffdir, shared=()):
    """File-by-file comparison of two compile output folders: counts and the differing paths; the
    paths in shared (written by two nodes) are counted apart."""
    import difflib
    def files(root):
        out = {}
        for d, _, names in os.walk(root):
            for name in names:
                path = os.path.join(d, name)
                out[os.path.relpath(path, root)] = path
        return out
    fa, fb = files(a), files(b)
    same, differing = 0, []
    skipped = sorted(set(shared) & (set(fa) | set(fb)))
    for rel in skipped:
        fa.pop(rel, None)
        fb.pop(rel, None)
    for rel in sorted(set(fa) & set(fb)):
        with open(fa[rel], encoding="utf-8", errors="replace") as f:
            x = f.read()
        with open(fb[rel], encoding="utf-8", errors="replace") as f:
            y = f.read()
        if x == y:
            same += 1
            continue
        differing.append(rel)
        os.makedirs(diffdir, exist_ok=True)
        with open(os.path.join(diffdir, rel.replace("/", "__") + ".diff"), "w", encoding="utf-8") as f:
            f.writelines(difflib.unified_diff(x.splitlines(True), y.splitlines(True), "before/" + rel, "fixed/" + rel))
    return {"files": len(set(fa) | set(fb)), "same": same, "differing": differing, "shared": skipped,
            "only_before": sorted(set(fa) - set(fb)), "only_fixed": sorted(set(fb) - set(fa))}


def by_code(problems, sev):
    return collections.Counter(p["code"] for p in problems if p["sev"] == sev)


def measure_strict(jar, out, spec, label=None):
    """check, check --strict and fix --dry-run on the project; then, on a copy of it, compile, fix,
    compile again (file-by-file comparison of the two outputs) and check --strict again. The
    project itself is never written to (its files are hashed before and after the dry run)."""
    import shutil
    project, work, profiles, env, r, _ = prepare(out, spec, label)
    opts = ["--profiles-dir", profiles]
    log = lambda name: os.path.join(work, name)

    _, _, lines = run(jar, ["check", "--project-dir", project, *opts], log("check.txt"), env)
    plain = [m.groupdict() for m in map(PROBLEM.match, lines) if m]
    secs, rc, lines = run(jar, ["check", "--strict", "--project-dir", project, *opts], log("check-strict.txt"), env)
    strict = [m.groupdict() for m in map(PROBLEM.match, lines) if m]
    with open(log("problems-strict.json"), "w", encoding="utf-8") as f:
        json.dump(strict, f, indent=0)
    r["strict_s"], r["strict_rc"] = round(secs, 1), rc
    r["strict_ran"] = any(l.startswith("Checked ") for l in lines) or (lines[0] if lines else "no output")
    r["plain"] = {"errors": by_code(plain, "error"), "warnings": by_code(plain, "warning")}
    r["strict"] = {"errors": by_code(strict, "error"), "warnings": by_code(strict, "warning")}
    # a deprecation: a warning of check that check --strict makes an error (same place, same code)
    warned = {(p["file"], p["line"], p["col"], p["code"]) for p in plain if p["sev"] == "warning"}
    r["deprecation_codes"] = sorted({p["code"] for p in strict
                                     if p["sev"] == "error" and (p["file"], p["line"], p["col"], p["code"]) in warned})

    before = tree_digest(project)
    secs, rc, lines = run(jar, ["fix", "--dry-run", "--project-dir", project, *opts], log("fix-dry-run.diff"), env)
    r["dry_run_s"], r["dry_run_rc"] = round(secs, 1), rc
    r["dry_run_hunks"] = sum(1 for l in lines if l.startswith("@@"))
    r["dry_run_files"] = sorted({re.sub(r"^\+\+\+ (?:b/)?", "", l).split("\t")[0] for l in lines
                                 if l.startswith("+++ ") and "/dev/null" not in l})
    r["dry_run_wrote"] = changed(before, tree_digest(project))

    # the copy takes the repository the project is in (the folder named owner+name, where there is
    # one), so that what it names by a relative path (packages.yml's local: ../) is there too
    tmp = tempfile.mkdtemp(prefix="copy.", dir=work)
    parts = project.rstrip("/").split("/")
    at = next((i for i, part in enumerate(parts) if "+" in part), len(parts) - 1)
    top = "/".join(parts[: at + 1])
    copy = os.path.join(tmp, *parts[at:])
    try:
        shutil.copytree(top, os.path.join(tmp, parts[at]), symlinks=True)
        common = ["--project-dir", copy, *opts]
        # tests of one name (dbt's md5 of their cleaned arguments can coincide: '%@%' and '%&%' both
        # clean to '_') compile to one file, whichever is written last: left out of the comparison
        _, _, lines = run(jar, ["ls", *common, "--resource-type", "test", "-o", "json"], log("ls-tests.txt"), env)
        paths = collections.Counter(os.path.join("compiled", t.get("package_name", ""), t.get("original_file_path", ""),
                                                 t.get("name", "") + ".sql") for t in json_objects(lines))
        shared = {p for p, n in paths.items() if n > 1}
        _, rc, lines = run(jar, ["compile", *common, "--output-dir", log("compile-before")], log("compile-before.txt"), env)
        r["compile_before"] = compile_counts(lines)
        copied = tree_digest(copy)
        secs, rc, lines = run(jar, ["fix", *common], log("fix.txt"), env)
        r["fix_s"], r["fix_rc"] = round(secs, 1), rc
        r["fixed_files"] = changed(copied, tree_digest(copy))
        _, rc, lines = run(jar, ["compile", *common, "--output-dir", log("compile-fixed")], log("compile-fixed.txt"), env)
        r["compile_fixed"] = compile_counts(lines)
        r["same_sql"] = compare_trees(log("compile-before"), log("compile-fixed"), log("sql-diffs"), shared)
        _, _, lines = run(jar, ["check", "--strict", *common], log("check-strict-fixed.txt"), env)
        after = [m.groupdict() for m in map(PROBLEM.match, lines) if m]
        r["after"] = {"errors": by_code(after, "error"), "warnings": by_code(after, "warning")}
        _, rc, lines = run(jar, ["fix", "--dry-run", *common], log("fix-again-dry-run.diff"), env)
        r["hunks_after_fix"] = sum(1 for l in lines if l.startswith("@@"))
    finally:
        if not os.environ.get("KEEP"):
            shutil.rmtree(tmp, ignore_errors=True)
    return r


def strict_report(results):
    """The strict run's tables: per project, then per code over all projects."""
    deprecations = set()
    for r in results:
        deprecations.update(r.get("deprecation_codes", []))
    dep = lambda counts: sum(n for c, n in counts.items() if c in deprecations)
    head = ["project", "adapter", "deprecations", "other errors", "dry-run hunks", "files fixed", "compiled",
            "same SQL files", "differing", "shared", "deprecations left", "errors left"]
    rows, tot = [], collections.Counter()
    for r in results:
        s = r["strict"]["errors"]
        left = r.get("after", {}).get("errors", {})
        same = r.get("same_sql") or {}
        cb, cf = r.get("compile_before") or {}, r.get("compile_fixed") or {}
        ndiff = len(same.get("differing", [])) + len(same.get("only_before", [])) + len(same.get("only_fixed", []))
        row = {"dep": dep(s), "other": sum(s.values()) - dep(s), "hunks": r.get("dry_run_hunks", 0),
               "fixed": len(r.get("fixed_files", [])), "same": same.get("same", 0), "files": same.get("files", 0),
               "diff": ndiff, "shared": len(same.get("shared", [])), "left": dep(left),
               "errors_left": sum(left.values()) - dep(left)}
        tot.update(row)
        rows.append([r["project"], r["adapter"], str(row["dep"]), str(row["other"]), str(row["hunks"]),
                     str(row["fixed"]),
                     f'{cb.get("compiled", "?")}->{cf.get("compiled", "?")}' if cb or cf else "?",
                     f'{row["same"]}/{row["files"]}', str(row["diff"]), str(row["shared"]), str(row["left"]),
                     str(row["errors_left"])])
    rows.append(["TOTAL", "", str(tot["dep"]), str(tot["other"]), str(tot["hunks"]), str(tot["fixed"]), "",
                 f'{tot["same"]}/{tot["files"]}', str(tot["diff"]), str(tot["shared"]), str(tot["left"]),
                 str(tot["errors_left"])])
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(len(head))]
    fmt = lambda row: "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
    print(fmt(head))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(fmt(row))

    print("\ncheck --strict by code, all projects (D = a deprecation: a warning of check, an error of --strict):")
    before, after, projects = collections.Counter(), collections.Counter(), collections.Counter()
    for r in results:
        counts = collections.Counter(r["strict"]["errors"]) + collections.Counter(r["strict"]["warnings"])
        before.update(counts)
        projects.update(counts.keys())
        after.update(collections.Counter(r.get("after", {}).get("errors", {}))
                     + collections.Counter(r.get("after", {}).get("warnings", {})))
    head = ["code", "", "found", "projects", "after fix"]
    rows = [[c, "D" if c in deprecations else "", str(before[c]), str(projects[c]), str(after[c])]
            for c in sorted(set(before) | set(after), key=lambda c: (c not in deprecations, -before[c], c))]
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        print("  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))

    problems = []
    for r in results:
        if r.get("strict_ran") is not True:
            problems.append(f'{r["project"]}: check --strict did not run: {r.get("strict_ran")}')
        if r.get("dry_run_wrote"):
            problems.append(f'{r["project"]}: fix --dry-run wrote {", ".join(r["dry_run_wrote"][:5])}')
        if r.get("fix_rc") not in (0, None) or r.get("dry_run_rc") not in (0, 1, None):
            problems.append(f'{r["project"]}: fix exit {r.get("fix_rc")}, fix --dry-run exit {r.get("dry_run_rc")}')
        same = r.get("same_sql") or {}
        for key in ("differing", "only_before", "only_fixed"):
            if same.get(key):
                problems.append(f'{r["project"]}: {key.replace("_", " ")}: {", ".join(same[key][:10])}'
                                + (f' (+{len(same[key]) - 10})' if len(same[key]) > 10 else ""))
        if r.get("hunks_after_fix"):
            problems.append(f'{r["project"]}: fix --dry-run after fix still finds {r["hunks_after_fix"]} hunks')
        other = lambda counts: {c: n for c, n in counts.items() if c not in deprecations}
        new = collections.Counter(other(r.get("after", {}).get("errors", {}))) - collections.Counter(
            other(r["strict"]["errors"]))
        if new:
            problems.append(f'{r["project"]}: errors after fix that were not there before: '
                            + ", ".join(f"{c} {n}" for c, n in new.items()))
        cb, cf = r.get("compile_before"), r.get("compile_fixed")
        if cb != cf:
            problems.append(f'{r["project"]}: compile before {cb}, after fix {cf}')
        if len(r.get("dry_run_files", [])) != len(r.get("fixed_files", [])):
            problems.append(f'{r["project"]}: dry run names {len(r.get("dry_run_files", []))} files, '
                            f'fix changed {len(r.get("fixed_files", []))}')
    print("\nfindings: " + ("none; every fixed project compiles to the same files, byte for byte" if not problems
                             else f"{len(problems)}"))
    for p in problems:
        print("  " + p)


def label_of(project):
    parts = project.rstrip("/").split("/")
    for i, part in enumerate(parts):
        if "+" in part:
            return "/".join([part.split("+", 1)[1], *parts[i + 1:]])
    return "/".join(parts[-2:])


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "-"


def table(results):
    head = ["project", "adapter", "models", "errors", "warnings", "check s", "compile s", "failed", "compile-only errors",
            "identical plain", "identical all"]
    rows, tot = [], collections.Counter()
    for r in results:
        ident = r.get("identical") or {}
        rows.append([r["project"], r["adapter"], str(r["models"]), str(sum(r["errors"].values())),
                     str(sum(r["warnings"].values())), f'{r["check_s"]:.1f}', f'{r["compile_s"]:.1f}',
                     str(r["failed"]) if r["failed"] is not None else "?",
                     str(sum(r.get("compile_only_errors", {}).values())),
                     f'{ident.get("plain_identical", 0)}/{ident.get("plain", 0)}' if ident else "-",
                     f'{ident.get("identical", 0)}/{ident.get("models", 0)}' if ident else "-"])
        tot.update({"models": r["models"], "errors": sum(r["errors"].values()), "warnings": sum(r["warnings"].values()),
                    "check_s": r["check_s"], "compile_s": r["compile_s"], "failed": r["failed"] or 0,
                    "compile_only": sum(r.get("compile_only_errors", {}).values()),
                    **{"id_" + k: v for k, v in ident.items()}})
    rows.append(["TOTAL", "", str(tot["models"]), str(tot["errors"]), str(tot["warnings"]), f'{tot["check_s"]:.1f}',
                 f'{tot["compile_s"]:.1f}', str(tot["failed"]), str(tot["compile_only"]),
                 f'{tot["id_plain_identical"]}/{tot["id_plain"]} = {pct(tot["id_plain_identical"], tot["id_plain"])}',
                 f'{tot["id_identical"]}/{sum((r.get("identical") or {}).get("models", 0) for r in results)}'])
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(len(head))]
    fmt = lambda row: "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
    print(fmt(head))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(fmt(row))


def codes(results, key):
    tot = collections.Counter()
    for r in results:
        tot.update(r[key])
    print(f"\n{key} by code (all projects): " + (", ".join(f"{c} {n}" for c, n in tot.most_common()) or "none"))
    for r in results:
        if r[key]:
            print(f"  {r['project']}: " + ", ".join(f"{c} {n}" for c, n in r[key].most_common()))


def side_by_side(old, new):
    a = {r["project"]: r for r in old}
    b = {r["project"]: r for r in new}
    head = ["project", "models", "errors", "", "warnings", "", "failed", "", "identical plain", ""]
    rows = [["", "", "before", "after", "before", "after", "before", "after", "before", "after"]]
    for name in [*a, *[n for n in b if n not in a]]:
        x, y = a.get(name, {}), b.get(name, {})
        cell = lambda r, f: str(f(r)) if r else "-"
        ident = lambda r: (f'{r["identical"].get("plain_identical", 0)}/{r["identical"].get("plain", 0)}'
                           if r.get("identical") else "-")
        rows.append([name, cell(y or x, lambda r: r["models"]),
                     cell(x, lambda r: sum(r["errors"].values())), cell(y, lambda r: sum(r["errors"].values())),
                     cell(x, lambda r: sum(r["warnings"].values())), cell(y, lambda r: sum(r["warnings"].values())),
                     cell(x, lambda r: r["failed"]), cell(y, lambda r: r["failed"]), cell(x, ident), cell(y, ident)])
    def total(rs, f):
        return sum(f(r) for r in rs.values())
    def ident_total(rs):
        i = total(rs, lambda r: (r.get("identical") or {}).get("plain_identical", 0))
        n = total(rs, lambda r: (r.get("identical") or {}).get("plain", 0))
        return f"{i}/{n} = {pct(i, n)}"
    rows.append(["TOTAL", str(total(b or a, lambda r: r["models"])),
                 str(total(a, lambda r: sum(r["errors"].values()))), str(total(b, lambda r: sum(r["errors"].values()))),
                 str(total(a, lambda r: sum(r["warnings"].values()))), str(total(b, lambda r: sum(r["warnings"].values()))),
                 str(total(a, lambda r: r["failed"] or 0)), str(total(b, lambda r: r["failed"] or 0)),
                 ident_total(a), ident_total(b)])
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(len(head))]
    for row in [head, *rows]:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
    for key in ("errors", "warnings"):
        ta, tb = collections.Counter(), collections.Counter()
        for r in a.values():
            ta.update(r[key])
        for r in b.values():
            tb.update(r[key])
        print(f"\n{key} by code, before -> after:")
        for c in sorted(set(ta) | set(tb), key=lambda c: -max(ta[c], tb[c])):
            print(f"  {c:32} {ta[c]:6} -> {tb[c]:6}")


def pattern(msg):
    """A problem message with its names and numbers blanked, to group like errors together."""
    msg = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`", "'…'", msg)
    msg = re.sub(r"[\w./-]+/[\w.-]+\.(?:sql|yml|yaml|csv|md)\b", "PATH", msg)
    msg = re.sub(r"\b\d+\b", "N", msg)
    msg = re.sub(r"(model|test|seed|macro|source|snapshot)\.[\w.]+", r"\1.…", msg)
    return msg[:140]


def triage(out, severity="error", top=40):
    """Groups the problems of a run (OUT/results.json) by code and message pattern; severity
    "compile" groups the errors `compile` printed that `check` did not report."""
    with open(os.path.join(out, "results.json")) as f:
        results = json.load(f)
    groups = collections.defaultdict(list)
    name = "compile-problems.json" if severity == "compile" else "problems.json"
    severity = "error" if severity == "compile" else severity
    for r in results:
        work = os.path.join(out, re.sub(r"[^A-Za-z0-9_.+-]+", "_", r["project"]))
        if not os.path.isfile(os.path.join(work, name)):
            continue
        with open(os.path.join(work, name)) as f:
            for p in json.load(f):
                if p["sev"] == severity:
                    groups[(p["code"], pattern(p["msg"]))].append((r["project"], p))
    total = sum(len(v) for v in groups.values())
    print(f"{total} {severity}s in {len(groups)} classes (code: message pattern), largest first\n")
    for (code, pat), items in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:top]:
        projects = collections.Counter(name for name, _ in items)
        print(f"{len(items):5}  {code}: {pat}")
        print("       in " + ", ".join(f"{n} {c}" for n, c in projects.most_common(6)))
        for name, p in items[:2]:
            print(f"       e.g. {name} {p['file']}:{p['line']}: {p['msg'][:200]}")
    print()


def main():
    if sys.argv[1] == "triage":
        triage(sys.argv[2], *(sys.argv[3:4] or ["error"]))
        return
    if sys.argv[1] == "table":
        with open(sys.argv[2]) as f:
            old = json.load(f)
        with open(sys.argv[3]) as f:
            new = json.load(f)
        for r in old + new:
            r["errors"], r["warnings"] = collections.Counter(r["errors"]), collections.Counter(r["warnings"])
        side_by_side(old, new)
        return
    if sys.argv[1] == "strict-table":
        with open(os.path.join(sys.argv[2], "results-strict.json")) as f:
            strict_report(json.load(f))
        return
    if sys.argv[1] == "strict":
        jar, out, specs = sys.argv[2], sys.argv[3], sys.argv[4:]
        results = []
        labels = unique_labels(specs)
        for spec in specs:
            r = measure_strict(jar, out, spec, labels[spec])
            same = r.get("same_sql") or {}
            print(f'{r["project"]}: check --strict {sum(r["strict"]["errors"].values())} errors '
                  f'({", ".join(r["deprecation_codes"]) or "no deprecation"}), dry run {r["dry_run_hunks"]} hunks, '
                  f'fix changed {len(r.get("fixed_files", []))} files, same SQL {same.get("same", 0)}/{same.get("files", 0)}',
                  file=sys.stderr, flush=True)
            results.append(r)
            with open(os.path.join(out, "results-strict.json"), "w", encoding="utf-8") as f:
                json.dump(results, f, indent=1)
        print(f"jar: {jar}\nresults: {out}/results-strict.json (each command's output, diffs per project there)\n")
        strict_report(results)
        return
    jar, out, specs = sys.argv[2], sys.argv[3], sys.argv[4:]
    results = []
    labels = unique_labels(specs)
    for spec in specs:
        r = measure(jar, out, spec, labels[spec])
        ident = r.get("identical") or {}
        print(f'{r["project"]}: {r["models"]} models, {sum(r["errors"].values())} errors, '
              f'{sum(r["warnings"].values())} warnings, check {r["check_s"]}s, compile {r["compile_s"]}s'
              + (f', identical {ident.get("plain_identical", 0)}/{ident.get("plain", 0)} plain' if ident else ""),
              file=sys.stderr, flush=True)
        results.append(r)
        with open(os.path.join(out, "results.json"), "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"jar: {jar}\nresults: {out}/results.json (check output and diffs per project there)\n")
    table(results)
    codes(results, "errors")
    codes(results, "warnings")
    print("\nidentical = equal after stripping trailing whitespace of each line and trailing blank lines; "
          "plain = not incremental, no ephemeral parent")
    print(f"largest resident set of one run: {peak} MB")


if __name__ == "__main__":
    main()
