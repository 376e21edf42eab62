package dev.dbtls.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code dbtls} command line. */
@Command(name = "dbtls", mixinStandardHelpOptions = true, version = "dbtls 0.1.0",
    description = "A language server and command line for dbt projects.",
    subcommands = {LsCommand.class, CompileCommand.class, ReadCommand.class})
public final class Main implements Runnable {
  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      System.err.println("dbtls: internal error: " + e);
      return 3;
    });
    System.exit(cli.execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.err);
  }
}
