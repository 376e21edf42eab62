package dev.dbtls.run.dbt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for dbt, NOT dbt: a shell script that answers {@code --version} as dbt Core 1.8.2
 * does, writes the arguments it was given to {@code args.txt}, replays recorded lines of real dbt
 * runs ({@code resources/dbt-logs}) on stdout with a small delay between them, copies a {@code
 * run_results.json} into the project's target folder and exits with dbt's code. dbt cannot be
 * installed where these tests run (no Python package index); the script lets the process side of
 * {@link DbtProcessRun} — starting, reading line by line, the interrupt and the kill — run for
 * real.
 */
public final class StandInDbt {
  private StandInDbt() {}

  /**
   * Writes the script as {@code dir/dbt}.
   *
   * @param lines what it prints on stdout, one line each, 20 ms apart
   * @param runResults copied to {@code project/target/run_results.json} at the end (null: none)
   * @param tail shell run after the lines (a wait for the interrupt, more output); may be empty
   */
  public static Path write(
      Path dir, Path project, List<String> lines, String runResults, String tail, int exit)
      throws IOException {
    return write(
        dir,
        project,
        "Core:\n  - installed: 1.8.2\n  - latest:    1.8.2 - Up to date!\n",
        lines,
        runResults,
        tail,
        exit);
  }

  /** {@link #write} answering {@code --version} with {@code version} (printf's format). */
  public static Path write(
      Path dir,
      Path project,
      String version,
      List<String> lines,
      String runResults,
      String tail,
      int exit)
      throws IOException {
    Files.createDirectories(dir);
    Path replay = dir.resolve("replay.jsonl");
    Files.writeString(replay, String.join("\n", lines) + "\n");
    if (runResults != null) {
      Files.writeString(dir.resolve("run_results.json"), runResults);
    }
    String script =
        "#!/bin/sh\n"
            + "# stand-in for dbt (replays recorded dbt log lines); not dbt\n"
            + "if [ \"$1\" = \"--version\" ]; then\n"
            + "  printf '"
            + version.replace("\n", "\\n")
            + "'\n"
            + "  exit 0\n"
            + "fi\n"
            + "printf '%s\\n' \"$@\" > '"
            + dir.resolve("args.txt")
            + "'\n"
            + "while IFS= read -r line; do printf '%s\\n' \"$line\"; sleep 0.02; done < '"
            + replay
            + "'\n"
            + tail
            + "\n"
            + (runResults == null
                ? ""
                : "mkdir -p '"
                    + project.resolve("target")
                    + "' && cp '"
                    + dir.resolve("run_results.json")
                    + "' '"
                    + project.resolve("target/run_results.json")
                    + "'\n")
            + "exit "
            + exit
            + "\n";
    Path dbt = dir.resolve("dbt");
    Files.writeString(dbt, script);
    Files.setPosixFilePermissions(dbt, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dbt;
  }

  /** A recorded log's lines as dbt prints them on stdout by default (no debug events). */
  public static List<String> stdout(String resource) throws IOException {
    try (InputStream in = StandInDbt.class.getResourceAsStream("/dbt-logs/" + resource)) {
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")).stream()
          .filter(l -> !l.contains("\"level\": \"debug\""))
          .toList();
    }
  }

  /**
   * The run_results.json dbt writes for the recorded failing run of {@code
   * model.jaffle_shop.orders} (dbt's run-results v6 schema; the message, thread and times are the
   * recorded log's).
   */
  public static final String FAILED_ORDERS_RUN_RESULTS =
      """
      {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json",
        "dbt_version": "1.8.2", "generated_at": "2024-11-22T15:58:09.012345Z",
        "invocation_id": "b0ed168e-1926-42da-aa25-6b3eb826074b", "env": {}},
       "results": [{"status": "error",
         "timing": [{"name": "compile", "started_at": "2024-11-22T15:58:08.414510Z",
                     "completed_at": "2024-11-22T15:58:08.484911Z"},
                    {"name": "execute", "started_at": "2024-11-22T15:58:08.491751Z",
                     "completed_at": "2024-11-22T15:58:08.921477Z"}],
         "thread_id": "Thread-1 (worker)", "execution_time": 0.55788684, "adapter_response": {},
         "message": "Database Error in model orders (models/orders.sql)\\n  syntax error at or near \\"final\\"\\n  LINE 43: final as (\\n           ^\\n  compiled code at target/run/jaffle_shop/models/orders.sql",
         "failures": null, "unique_id": "model.jaffle_shop.orders", "compiled": true,
         "compiled_code": "with final as (select 1)", "relation_name": "\\"postgres\\".\\"public\\".\\"orders\\"",
         "batch_results": null}],
       "elapsed_time": 1.6412, "args": {"which": "run"}}
      """;
}
