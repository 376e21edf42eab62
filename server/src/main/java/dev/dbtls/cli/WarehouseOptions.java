package dev.dbtls.cli;

import picocli.CommandLine.Option;

/**
 * The flags of every command that runs a model's SQL on the target (preview, explain, benchmark).
 */
final class WarehouseOptions {
  @Option(
      names = "--allow-file-reads",
      description =
          "Let the SQL read any file through the warehouse's "
              + "file functions (read_csv, pg_read_file, ...); without it only the project's own files")
  boolean allowFileReads;

  @Option(names = "--sql", description = "Ad-hoc SQL (Jinja allowed) instead of a model")
  String sql;
}
