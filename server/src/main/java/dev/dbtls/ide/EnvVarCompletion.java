package dev.dbtls.ide;

/** {@code env_var('}: the environment's variables, dbt's own conventions first. */
final class EnvVarCompletion {
  private EnvVarCompletion() {}

  static void inString(CompletionContext c, CompletionItems items) {
    if (!c.inCallOf("env_var") || c.call.argIndex != 0 || c.call.keyword != null) {
      return;
    }
    // DBT_ and the secret DBT_ENV_SECRET_ prefix first
    c.snapshot
        .env()
        .keySet()
        .forEach(
            name ->
                items.add(
                    name,
                    CompletionKind.VAR,
                    name.startsWith("DBT_") ? 0 : 1,
                    "environment variable",
                    null,
                    name,
                    false));
  }
}
