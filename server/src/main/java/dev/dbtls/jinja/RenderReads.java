package dev.dbtls.jinja;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a render read besides its template and the context its own inputs fix: {@code macros}, the
 * project's and packages' macros it ran ({@code package.name}; dbtls's own builtins not named; null
 * when not known: it ran out of time); {@code envVars}, the environment variables it read, by name
 * (also those whose name it computed); {@code unkeyed}, what it read that none of its inputs holds,
 * by the name the template used: the clock ({@code run_started_at}, {@code modules.datetime}), the
 * run ({@code invocation_id}), the {@code graph} of other nodes, docs blocks ({@code doc}), other
 * relations' columns ({@code adapter.get_columns_in_relation}), a node it did not depend on, a
 * database. A render whose {@code unkeyed} is empty gives the same output again from the same
 * template, macros, context and values of {@code envVars}.
 */
public record RenderReads(Set<String> macros, Set<String> envVars, Set<String> unkeyed) {
  /** A render that read nothing besides its template and context. */
  public static final RenderReads NONE = new RenderReads(Set.of(), Set.of(), Set.of());

  public RenderReads {
    macros = macros == null ? null : Set.copyOf(macros);
    envVars = envVars == null || envVars.isEmpty() ? Set.of() : Set.copyOf(envVars);
    unkeyed = unkeyed == null || unkeyed.isEmpty() ? Set.of() : Set.copyOf(unkeyed);
  }

  /** What this render and {@code other} (an ephemeral parent's, say) read together. */
  public RenderReads plus(RenderReads other) {
    if (other == null) {
      return new RenderReads(null, envVars, unkeyed);
    }
    return new RenderReads(
        macros == null || other.macros == null ? null : union(macros, other.macros),
        union(envVars, other.envVars),
        union(unkeyed, other.unkeyed));
  }

  /** These reads with more environment variables and unkeyed reads (a node's own compile's). */
  public RenderReads plus(Set<String> moreEnvVars, Set<String> moreUnkeyed) {
    if (moreEnvVars.isEmpty() && moreUnkeyed.isEmpty()) {
      return this; // nearly every render: no copy
    }
    return new RenderReads(macros, union(envVars, moreEnvVars), union(unkeyed, moreUnkeyed));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }
}
