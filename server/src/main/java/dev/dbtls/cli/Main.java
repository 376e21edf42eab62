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
    if (editorsLaunch(args)) {
      // the language server as the editors launch it: no command line to build (picocli read the
      // command's annotations by reflection first, ~60 ms before the server could start)
      try {
        System.exit(dev.dbtls.lsp.LspServer.runStdio());
      } catch (RuntimeException e) {
        System.err.println("dbtls: internal error: " + e);
        System.exit(3);
      }
    }
    CommandLine cli = commandLine(args);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          System.err.println("dbtls: internal error: " + e);
          return 3;
        });
    System.exit(cli.execute(args));
  }

  /**
   * Whether {@code args} are the language server over stdio with nothing else: no arguments, {@code
   * lsp}, or {@code lsp --stdio} (vscode-languageclient adds the flag).
   */
  static boolean editorsLaunch(String[] args) {
    return args.length == 0
        || (args[0].equals("lsp")
            && (args.length == 1 || (args.length == 2 && args[1].equals("--stdio"))));
  }

  /**
   * The command line for {@code args}. {@code dbtls <command> ...} builds only that command:
   * picocli makes every listed command (an instance, its options read by reflection, its class
   * initialised) when it builds them all, which took a tenth of a second of every start. {@code
   * dbtls --version} builds none (./dbtls --version 0.53 -> 0.35 s). Anything else (no command,
   * another option, a word that is no command) gets the whole command line, its help and its
   * errors.
   */
  static CommandLine commandLine(String[] args) {
    Class<?> only = args.length == 0 ? null : commandNamed(args[0]);
    boolean version = args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    if (only == null && !version) {
      return new CommandLine(new Main());
    }
    Command main = Main.class.getAnnotation(Command.class);
    CommandLine.Model.CommandSpec root =
        CommandLine.Model.CommandSpec.create().name(main.name()).version(main.version());
    root.mixinStandardHelpOptions(main.mixinStandardHelpOptions());
    root.usageMessage().description(main.description());
    CommandLine cli = new CommandLine(root);
    if (version) {
      return cli;
    }
    try {
      cli.addSubcommand(CommandLine.defaultFactory().create(only));
    } catch (Exception e) {
      return new CommandLine(new Main()); // picocli then says what is wrong with the command
    }
    return cli;
  }

  /** The command class named (or aliased) {@code word}, read from the annotations alone. */
  private static Class<?> commandNamed(String word) {
    for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
      Command command = c.getAnnotation(Command.class);
      if (command != null
          && (command.name().equals(word) || java.util.List.of(command.aliases()).contains(word))) {
        return c;
      }
    }
    return null;
  }

  /** {@code dbtls} with no command is the language server, as editors launch it. */
  @Override
  public Integer call() throws java.io.IOException {
    return new LspCommand().call();
  }
}
