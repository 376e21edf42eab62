package dev.dbtls.ide;

import dev.dbtls.index.Macro;
import dev.dbtls.project.yaml.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Data tests in property YAML: the generic tests (dbt's and the project's {@code test_} macros)
 * under {@code data_tests:}/{@code tests:}, as snippets with their arguments when the line is
 * otherwise empty, and a test's arguments as keys under its name.
 */
final class YamlTestCompletion {
  private YamlTestCompletion() {}

  static boolean testList(YamlCursor.Segment s) {
    return s != null && (s.name().equals("tests") || s.name().equals("data_tests"));
  }

  static boolean restOfLineBlank(CompletionContext ctx) {
    int end = ctx.text.indexOf('\n', ctx.offset);
    return ctx.text.substring(ctx.offset, end < 0 ? ctx.text.length() : end).isBlank();
  }

  /** Whether the file (or the project's flags) writes test arguments under {@code arguments:}. */
  static boolean argumentsForm(CompletionContext ctx) {
    if (ctx.text.contains("arguments:") && ARGUMENTS_LINE.matcher(ctx.text).find()) {
      return true;
    }
    YamlMap project =
        ctx.snapshot.inputs().root().document() == null
            ? null
            : ctx.snapshot.inputs().root().document().rootMap();
    return project != null
        && Boolean.TRUE.equals(
            project.plainMap("flags").get("require_generic_test_arguments_property"));
  }

  /** {@code arguments:} opening a block in a test entry (macro properties use a list instead). */
  private static final Pattern ARGUMENTS_LINE =
      Pattern.compile("(?m)^\\s+(?:-\\s+)?[\\w.]+:\\s*\\n\\s+arguments:\\s*$");

  static void testNames(
      CompletionContext ctx, CompletionItems items, boolean snippets, boolean argumentsForm) {
    for (YamlVocabulary.BuiltinTest t : YamlVocabulary.BUILTIN_TESTS) {
      String insert = t.name();
      boolean snippet = snippets && !t.arguments().isEmpty();
      if (snippet) {
        StringBuilder sb = new StringBuilder(t.name()).append(':');
        String indent = "    ";
        if (argumentsForm) {
          sb.append("\n    arguments:");
          indent = "      ";
        }
        for (String a : t.arguments()) {
          sb.append('\n').append(indent).append(a);
        }
        insert = sb.toString();
      }
      items.add(t.name(), CompletionKind.MACRO, 0, "generic test (dbt)", t.doc(), insert, snippet);
    }
    for (Macro m : ctx.manifest.macros().values()) {
      if (!m.name().startsWith("test_") || m.name().length() == 5) {
        continue;
      }
      String name = m.name().substring(5);
      boolean local =
          m.packageName().equals(ctx.rootProject()) || m.packageName().equals(ctx.packageName);
      String label = local ? name : m.packageName() + "." + name;
      List<String> args =
          m.parameters().stream()
              .filter(p -> !p.equals("model") && !p.equals("column_name"))
              .toList();
      items.add(
          label,
          CompletionKind.MACRO,
          local ? 1 : 2,
          "generic test "
              + m.packageName()
              + "."
              + name
              + (args.isEmpty() ? "" : "(" + String.join(", ", args) + ")"),
          m.description(),
          label,
          false);
    }
  }

  /** The arguments a test takes, as keys under its name (or its {@code arguments:}). */
  static void testArguments(
      CompletionContext ctx,
      String test,
      boolean withConfig,
      CompletionItems items,
      Set<String> present) {
    List<String> args = new ArrayList<>();
    switch (test) {
      case "accepted_values" -> args.addAll(List.of("values", "quote"));
      case "relationships" -> args.addAll(List.of("to", "field"));
      case "not_null", "unique" -> {}
      default -> {
        Macro m = testMacro(ctx, test);
        if (m != null) {
          m.parameters().stream()
              .filter(p -> !p.equals("model") && !p.equals("column_name"))
              .forEach(args::add);
        }
      }
    }
    for (String a : args) {
      if (!present.contains(a)) {
        items.add(a, CompletionKind.KEYWORD, 0, "argument of " + test, null, a + ": ", false);
      }
    }
    if (withConfig) {
      for (String k : List.of("config", "arguments")) {
        if (!present.contains(k)) {
          items.add(k, CompletionKind.KEYWORD, 1, "test property", null, k + ":", false);
        }
      }
    }
  }

  static Macro testMacro(CompletionContext ctx, String test) {
    int dot = test.indexOf('.');
    if (dot > 0) {
      return ctx.manifest
          .macros()
          .get("macro." + test.substring(0, dot) + ".test_" + test.substring(dot + 1));
    }
    Macro m = ctx.manifest.macros().get("macro." + ctx.rootProject() + ".test_" + test);
    return m != null ? m : ctx.manifest.macros().get("macro." + ctx.packageName + ".test_" + test);
  }
}
