package dev.dbtls.intellij.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user-defined server's command as LSP4IJ turns it into a process: IntelliJ's built-in macros
 * ({@code $USER_HOME$}) expanded, then split into arguments by the rules of LSP4IJ's {@code
 * CommandUtils.createCommands} (a space separates, a double quote starts or ends a quoted part and
 * is dropped). Written here from that method's source, since LSP4IJ cannot be had on this machine.
 */
final class Lsp4ijCommandLine {
  private static final Pattern MACRO = Pattern.compile("\\$([A-Z_]+)\\$");

  private Lsp4ijCommandLine() {}

  /** Expands {@code $NAME$} macros; one not in {@code values} fails. */
  static String expand(String commandLine, Map<String, String> values) {
    Matcher m = MACRO.matcher(commandLine);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("macro this test does not expand: " + m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The arguments of the process, as LSP4IJ splits the command line. */
  static List<String> split(String commandLine) {
    List<String> args = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (char c : commandLine.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        add(part, args);
      } else {
        part.append(c);
      }
    }
    add(part, args);
    return args;
  }

  private static void add(StringBuilder part, List<String> args) {
    String arg = part.toString().trim();
    if (!arg.isEmpty()) {
      args.add(arg);
    }
    part.setLength(0);
  }
}
