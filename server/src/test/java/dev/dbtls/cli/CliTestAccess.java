package dev.dbtls.cli;

import java.nio.file.Path;

/** Test projects the command-line tests make, for tests in other packages. */
public final class CliTestAccess {
  private CliTestAccess() {}

  /** A project on a real DuckDB file with a raw {@code orders} table of 100 rows. */
  public static Path duckdbProject(Path dir) throws Exception {
    return CliTest.duckdbProject(dir);
  }
}
