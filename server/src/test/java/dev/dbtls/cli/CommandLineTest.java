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
  void noCommandAnOptionOrAnUnknownWordGetTheWholeCommandLine() {
    CommandLine whole = new CommandLine(new Main());
    for (String[] args : new String[][] {{}, {"--help"}, {"--version"}, {"lsx"}, {"--stdio"}}) {
      CommandLine cli = Main.commandLine(args);
      assertEquals(whole.getSubcommands().keySet(), cli.getSubcommands().keySet());
      assertEquals(whole.getUsageMessage(), cli.getUsageMessage());
    }
  }
}
