package dev.dbtls.jinja;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbtls.project.Adapter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Manual check, not a test: loads real macro packages into DbtJinja and into a small dbt-like
 * harness on Python's Jinja2 (macro namespaces, return(), adapter.dispatch), calls the same macros
 * in both and compares the SQL. Arguments: pkg=DIR... then -- then one template per argument.
 */
public final class JinjaMacroDifferentialCheck {
  private static final String PYTHON =
      """
      import json, sys, jinja2
      from jinja2 import nodes
      from jinja2.ext import Extension
      class Blocks(Extension):
          tags = {'materialization', 'test', 'docs', 'snapshot'}
          def parse(self, parser):
              tag = next(parser.stream)
              while parser.stream.current.type != 'block_end':
                  next(parser.stream)
              parser.parse_statements(('name:end' + tag.value,), drop_needle=True)
              return nodes.Output([], lineno=tag.lineno)
      class MacroReturn(Exception):
          def __init__(self, value): self.value = value
      def do_return(value): raise MacroReturn(value)
      class Gen:
          def __init__(self, macro): self.macro = macro
          def __call__(self, *a, **k):
              try: return self.macro(*a, **k)
              except MacroReturn as r: return r.value
      class NS:
          def __init__(self, d): self.d = d
          def __getattr__(self, n): return self.d[n]
      data = json.load(sys.stdin)
      env = jinja2.Environment(extensions=['jinja2.ext.do', 'jinja2.ext.loopcontrols', Blocks])
      packages = {}
      root = 'proj'
      lineage = ['postgres']
      class Adapter:
          def dispatch(self, name, macro_namespace=None):
              search = [macro_namespace] if macro_namespace else [root]
              search = [p for p in search if p != 'dbt'] + ['dbt']
              for p in search:
                  for prefix in lineage + ['default']:
                      m = packages.get(p, {}).get(prefix + '__' + name)
                      if m: return m
              raise Exception('no dispatch ' + name)
          def quote(self, s): return '"%s"' % s
          def execute(self, *a, **k): return (None, None)
          def type(self): return 'postgres'
      class Column:
          @staticmethod
          def translate_type(t):
              return {'STRING': 'TEXT', 'TIMESTAMP': 'TIMESTAMP', 'FLOAT': 'FLOAT', 'INTEGER': 'INT',
                      'BOOLEAN': 'BOOLEAN'}.get(t.upper(), t)
          @staticmethod
          def numeric_type(dtype, precision, scale):
              return dtype if precision is None or scale is None else '%s(%s,%s)' % (dtype, precision, scale)
      def var(name, default=None): return default
      contexts = {}
      import re, datetime, itertools
      base = dict(env.globals)
      base.update(adapter=Adapter(), api=NS({'Column': Column}), var=var, execute=True,
                  target={'type': 'postgres', 'schema': 'analytics', 'database': 'db'},
                  exceptions=NS({'raise_compiler_error': lambda m: (_ for _ in ()).throw(Exception(m)),
                                 'warn': lambda m: ''}),
                  log=lambda *a, **k: '', modules=NS({'re': re, 'datetime': datetime, 'itertools': itertools}),
                  **{'return': do_return})
      for pkg in data['packages']:
          packages.setdefault(pkg, {})
      def context_for(pkg):
          ctx = dict(base)
          for p in packages: ctx[p] = NS(packages[p])
          for p in ['dbt', root, pkg]: ctx.update(packages.get(p, {}))
          return ctx
      modules = []
      for pkg, files in data['packages'].items():
          for text in files:
              try:
                  t = env.from_string(text)
                  modules.append((pkg, t))
              except Exception as e:
                  pass
      for pkg, t in modules:
          ctx = contexts.setdefault(pkg, {})
          mod = t.make_module(ctx, shared=True)
          for name in dir(mod):
              m = getattr(mod, name)
              if isinstance(m, jinja2.runtime.Macro):
                  packages[pkg][name] = Gen(m)
      for pkg, ctx in contexts.items():
          ctx.update(context_for(pkg))
      out = []
      for tmpl in data['templates']:
          try:
              out.append(env.from_string(tmpl).render(**context_for(root)))
          except Exception as e:
              out.append('ERROR: %s' % e)
      json.dump(out, sys.stdout)
      """;

  public static void main(String[] args) throws Exception {
    Map<String, List<String>> packages = new LinkedHashMap<>();
    List<MacroFile> files = new ArrayList<>();
    List<String> templates = new ArrayList<>();
    boolean inTemplates = false;
    for (String a : args) {
      if (a.equals("--")) {
        inTemplates = true;
      } else if (inTemplates) {
        templates.add(a);
      } else {
        String pkg = a.substring(0, a.indexOf('='));
        try (Stream<Path> s = Files.walk(Path.of(a.substring(a.indexOf('=') + 1)))) {
          for (Path p : s.filter(x -> x.toString().endsWith(".sql")).sorted().toList()) {
            String text = Files.readString(p);
            packages.computeIfAbsent(pkg, k -> new ArrayList<>()).add(text);
            files.add(new MacroFile(pkg, p.toString(), text));
          }
        }
      }
    }
    Process p =
        new ProcessBuilder("python3", "-c", PYTHON)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (OutputStream os = p.getOutputStream()) {
      os.write(
          new ObjectMapper()
              .writeValueAsBytes(Map.of("packages", packages, "templates", templates)));
    }
    @SuppressWarnings("unchecked")
    List<String> expected =
        new ObjectMapper()
            .readValue(
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8), List.class);
    DbtJinja j =
        new DbtJinja(new JinjaSetup(Adapter.of("postgres"), "proj", files, Map.of(), null));
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("var", (JinjaCallable) (a, k) -> a.size() > 1 ? a.get(1) : k.get("default"));
    g.put("execute", true);
    g.put("target", Map.of("type", "postgres", "schema", "analytics", "database", "db"));
    int same = 0;
    for (int i = 0; i < templates.size(); i++) {
      Rendered r = j.render(new RenderRequest("t.sql", templates.get(i), "proj", g));
      String want = expected.get(i);
      if (r.output().equals(want)) {
        same++;
      } else {
        System.err.println(
            "DIFF "
                + templates.get(i)
                + "\n  want: "
                + want.replace("\n", "\\n")
                + "\n  got:  "
                + r.output().replace("\n", "\\n")
                + "\n  "
                + r.problems());
      }
    }
    System.err.printf("%d of %d macro calls render identically%n", same, templates.size());
  }
}
