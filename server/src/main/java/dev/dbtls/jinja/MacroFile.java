package dev.dbtls.jinja;

/**
 * A file of macro definitions and the dbt namespace it belongs to: the root project's name, an
 * installed package's name, or {@code dbt} for dbt's own (global project and builtin) macros.
 */
public record MacroFile(String packageName, String path, String text) {}
