package dev.dbtls.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code dbtls <command>} builds only that command, and it is the whole command line's. */
class CommandLineTest {
  @Test
  void eachCommandAloneHelpsAndParsesAsInTheWholeCommandLine() {
    CommandLine whole = new CommandLine(new Main());
    Map<String, CommandLine> commands = whole.getSubcommands(); // names and aliases
    assertTrue(commands.size() >= 20 && commands.containsKey("list"), commands.keySet().toString());
    for (Map.Entry<String, CommandLine> c : commands.entrySet()) {
      CommandLine alone = Main.commandLine(new String[] {c.getKey(), "--help"});
      CommandLine sub = alone.getSubcommands().get(c.getKey());
      assertEquals(
          c.getValue().getCommandSpec().userObject().getClass(),
          sub.getCommandSpec().userObject().getClass(),
          c.getKey());
      assertEquals(1, alone.getSubcommands().values().stream().distinct().count(), c.getKey());
      assertEquals(c.getValue().getUsageMessage(), sub.getUsageMessage(), c.getKey());
      assertArrayEquals(
          whole.getCommandSpec().version(), alone.getCommandSpec().version(), c.getKey());
    }
  }

  @Test
  void theVersionAloneIsTheWholeCommandLinesWithoutBuildingItsCommands() {
    CommandLine whole = new CommandLine(new Main());
    for (String ask : new String[] {"--version", "-V"}) {
      CommandLine cli = Main.commandLine(new String[] {ask});
      assertTrue(cli.getSubcommands().isEmpty(), ask);
      java.io.StringWriter said = new java.io.StringWriter();
      java.io.StringWriter saidWhole = new java.io.StringWriter();
      cli.setOut(new java.io.PrintWriter(said));
      whole.setOut(new java.io.PrintWriter(saidWhole));
      assertEquals(0, cli.execute(ask));
      assertEquals(0, whole.execute(ask));
      assertEquals(saidWhole.toString(), said.toString(), ask);
      assertTrue(said.toString().startsWith("dbtls "), said.toString());
    }
  }

  @Test
  void noCommandAnOptionOrAnUnknownWordGetTheWholeCommandLine() {
    CommandLine whole = new CommandLine(new Main());
    for (String[] args :
        new String[][] {{}, {"--help"}, {"--version", "x"}, {"lsx"}, {"--stdio"}}) {
      CommandLine cli = Main.commandLine(args);
      assertEquals(whole.getSubcommands().keySet(), cli.getSubcommands().keySet());
      assertEquals(whole.getUsageMessage(), cli.getUsageMessage());
    }
  }

  @Test
  void theEditorsLaunchesStartTheServerWithoutACommandLineAndEveryOtherGetsOne() {
    for (String[] args : new String[][] {{}, {"lsp"}, {"lsp", "--stdio"}}) {
      assertTrue(Main.editorsLaunch(args), String.join(" ", args));
    }
    for (String[] args :
        new String[][] {
          {"lsp", "--port", "5007"}, {"lsp", "--help"}, {"--stdio"}, {"ls"}, {"lsp", "--stdio", "x"}
        }) {
      org.junit.jupiter.api.Assertions.assertFalse(
          Main.editorsLaunch(args), String.join(" ", args));
      assertTrue(Main.commandLine(args).getSubcommands().size() >= 1, String.join(" ", args));
    }
  }
}
