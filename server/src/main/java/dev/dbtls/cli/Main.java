package dev.dbtls.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code dbtls} command line. */
@Command(
    name = "dbtls",
    mixinStandardHelpOptions = true,
    version = "dbtls 0.1.0",
    description = "A language server and command line for dbt projects.",
    subcommands = {
      LspCommand.class,
      McpCommand.class,
      LsCommand.class,
      CompileCommand.class,
      CheckCommand.class,
      FixCommand.class,
      PreviewCommand.class,
      ExplainCommand.class,
      HistoryCommand.class,
      QueryCommand.class,
      ReadCommand.class,
      CatalogCommand.class,
      BenchmarkCommand.class,
      TestCommand.class,
      BuildCommand.Run.class,
      BuildCommand.Seed.class,
      BuildCommand.Snapshot.class,
      BuildCommand.Build.class,
      RecommendationsCommand.class,
      LineageCommand.class,
      ParseCheckCommand.class
    })
public final class Main implements java.util.concurrent.Callable<Integer> {
  public static void main(String[] args) {
    dev.dbtls.project.Timing.mark("jvm started");
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          System.err.println("dbtls: internal error: " + e);
          return 3;
        });
    System.exit(cli.execute(args));
  }

  /** {@code dbtls} with no command is the language server, as editors launch it. */
  @Override
  public Integer call() throws java.io.IOException {
    return new LspCommand().call();
  }
}
