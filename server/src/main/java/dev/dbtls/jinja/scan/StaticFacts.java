package dev.dbtls.jinja.scan;

import dev.dbtls.project.Shared;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a template says about the project without rendering it, each item with offsets: {@code call}
 * is the whole call from the callee's first character to the closing parenthesis (or to the last
 * token when the parenthesis is missing), the other ranges cover a name or argument string's
 * content without quotes. A value that is not a literal is never guessed: the item is flagged
 * {@code dynamic}. {@link #needsRender()} tells the index whether it may trust refs, sources and
 * config as extracted; {@link #conditionalCalls()} that a ref, source or config call outside a
 * macro runs only under a condition or in a loop, so only a render tells which of them dbt records.
 * {@code functions}: the {@code function('name')} calls (dbt 1.11's user-defined functions), read
 * as refs without a version.
 */
public record StaticFacts(
    List<RefCall> refs,
    List<SourceCall> sources,
    List<ConfigCall> configs,
    List<MacroDef> macros,
    List<SnapshotBlock> snapshots,
    List<DocsBlock> docs,
    List<MacroCall> macroCalls,
    List<DispatchCall> dispatches,
    List<VarCall> vars,
    List<EnvVarCall> envVars,
    List<DocCall> docRefs,
    boolean needsRender,
    boolean conditionalCalls,
    List<RefCall> functions) {

  /**
   * {@code ref('m')}, {@code ref('pkg', 'm')}, {@code ref('m', v=2)}. {@code packageName} and
   * {@code version} are null when absent; {@code name} is null when no name argument is there yet.
   * {@code conditional}: under {@code if}/{@code for} or in an inline {@code if}, so it may not
   * run.
   */
  public record RefCall(
      TextRange call,
      String packageName,
      TextRange packageRange,
      String name,
      TextRange nameRange,
      String version,
      boolean dynamic,
      boolean conditional) {
    public RefCall {
      packageName = Shared.name(packageName);
      name = Shared.name(name); // the model's own name, and that of every other ref to it
      version = Shared.name(version);
    }
  }

  /** {@code source('src', 'tbl')}; {@code conditional} as for {@link RefCall}. */
  public record SourceCall(
      TextRange call,
      String sourceName,
      TextRange sourceRange,
      String tableName,
      TextRange tableRange,
      boolean dynamic,
      boolean conditional) {
    public SourceCall {
      sourceName = Shared.name(sourceName);
      tableName = Shared.name(tableName);
    }
  }

  /**
   * {@code config(materialized='table', ...)}; {@code dynamic} when any argument is not literal.
   */
  public record ConfigCall(TextRange call, List<ConfigArg> args, boolean dynamic) {
    /**
     * The literal keyword arguments by name (values: String, Long, Double, Boolean, null, List,
     * Map).
     */
    public Map<String, Object> literalValues() {
      Map<String, Object> m = new LinkedHashMap<>();
      for (ConfigArg a : args) {
        if (a.literal() && a.name() != null) {
          m.put(a.name(), a.value());
        } else if (a.literal() && a.value() instanceof Map<?, ?> dict) {
          // config({"materialized": "table"}): dbt takes a dict given as the one argument
          dict.forEach((k, v) -> m.put(String.valueOf(k), v));
        }
      }
      return Collections.unmodifiableMap(m);
    }
  }

  /**
   * One argument of {@code config(...)}. {@code name} is null for a positional argument; {@code
   * value} is meaningful only when {@code literal}.
   */
  public record ConfigArg(
      String name, TextRange nameRange, TextRange valueRange, Object value, boolean literal) {
    public ConfigArg {
      name = Shared.name(name);
    }
  }

  public enum MacroKind {
    MACRO,
    TEST,
    MATERIALIZATION
  }

  /**
   * {@code {% macro name(a, b=1) %}}, {@code {% test name(model) %}} or {@code {% materialization
   * name, adapter='x' %}}. {@code body} runs from the end of the opening tag to the start of the
   * end tag; {@code doc} is the content of a comment that opens the body (null if none); {@code
   * adapter} is set for materializations only ({@code "default"} when not given).
   */
  public record MacroDef(
      MacroKind kind,
      String name,
      TextRange nameRange,
      List<Param> params,
      TextRange openTag,
      TextRange body,
      TextRange whole,
      String doc,
      TextRange docRange,
      String adapter) {}

  /** A macro parameter; {@code defaultText} is the default's source text, or null. */
  public record Param(
      String name, TextRange nameRange, String defaultText, TextRange defaultRange) {}

  /** {@code {% snapshot name %}...{% endsnapshot %}}. */
  public record SnapshotBlock(String name, TextRange nameRange, TextRange body, TextRange whole) {}

  /** {@code {% docs name %}...{% enddocs %}}; {@code content} is the text between the tags. */
  public record DocsBlock(String name, TextRange nameRange, TextRange content, TextRange whole) {}

  /**
   * A call of a macro or global function: {@code foo(...)} or {@code pkg.foo(...)} ({@code
   * namespace} null for the first). {@code builtin} when dbt or Jinja provides it.
   */
  public record MacroCall(
      TextRange call, String namespace, String name, TextRange nameRange, boolean builtin) {
    public MacroCall {
      namespace = Shared.name(namespace);
      name = Shared.name(name); // date_trunc, is_incremental: the same few names in every model
    }
  }

  /** {@code adapter.dispatch('name', 'namespace')}; {@code namespace} null when not given. */
  public record DispatchCall(
      TextRange call,
      String macroName,
      TextRange nameRange,
      String namespace,
      TextRange namespaceRange,
      boolean dynamic) {}

  /** {@code var('x')} or {@code var('x', default)}. */
  public record VarCall(
      TextRange call,
      String name,
      TextRange nameRange,
      boolean hasDefault,
      TextRange defaultRange,
      boolean dynamic) {}

  /** {@code env_var('X')} or {@code env_var('X', default)}. */
  public record EnvVarCall(
      TextRange call,
      String name,
      TextRange nameRange,
      boolean hasDefault,
      TextRange defaultRange,
      boolean dynamic) {}

  /** {@code doc('name')} or {@code doc('pkg', 'name')}. */
  public record DocCall(
      TextRange call, String packageName, String name, TextRange nameRange, boolean dynamic) {}
}
