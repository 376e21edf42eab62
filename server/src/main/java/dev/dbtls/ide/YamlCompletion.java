package dev.dbtls.ide;

import dev.dbtls.index.ResourceType;
import dev.dbtls.project.schema.DbtSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion in property YAML (and {@code +config} values of dbt_project.yml) on the text as typed.
 * {@link YamlCursor} says which keys enclose the cursor; then: the keys valid there, the project's
 * models (seeds, snapshots, analyses, macros) after {@code - name: } of their list, preferring
 * those not yet described; a model's columns after {@code columns: - name: } (from {@code
 * target/catalog.json}, its SQL's select list, YAML, then its parents' columns), minus those
 * already listed; generic test names under {@code data_tests:}/{@code tests:} with their arguments;
 * config keys of the resource type and their known values; names inside {@code ref('} and {@code
 * source('}. Multi-line insert texts are indented relative to the cursor line (clients add its
 * indentation).
 */
final class YamlCompletion {
  private final CompletionContext ctx;

  YamlCompletion(CompletionContext ctx) {
    this.ctx = ctx;
  }

  /** YAML files that are property files or dbt_project.yml (not profiles, packages, selectors). */
  static boolean covers(String displayPath) {
    if (!displayPath.endsWith(".yml") && !displayPath.endsWith(".yaml")) {
      return false;
    }
    String name = displayPath.substring(displayPath.lastIndexOf('/') + 1);
    return !OTHER_YAML.contains(name)
        && !displayPath.startsWith("target/")
        && !displayPath.startsWith("logs/");
  }

  private static final Set<String> OTHER_YAML =
      Set.of(
          "profiles.yml", "packages.yml", "dependencies.yml", "selectors.yml", "package-lock.yml");

  List<CompletionItem> complete() {
    List<CompletionItem> inCall = inCall();
    if (inCall != null) {
      return inCall;
    }
    YamlCursor c = YamlCursor.at(ctx.text, ctx.offset);
    return switch (c.position) {
      case KEY -> key(c);
      case VALUE -> value(c);
      case NONE -> List.of();
    };
  }

  private boolean projectFile() {
    return ctx.displayPath.equals("dbt_project.yml")
        || ctx.displayPath.endsWith("/dbt_project.yml");
  }

  // ---------------------------------------------------------------- ref(' and source(' in values

  private static final Pattern CALL = Pattern.compile("\\b(ref|source)\\s*\\([^()]*$");

  /** Inside the string argument of {@code ref(}/{@code source(}: what Jinja completion gives. */
  private List<CompletionItem> inCall() {
    int lineStart = ctx.text.lastIndexOf('\n', ctx.offset - 1) + 1;
    String before = ctx.text.substring(lineStart, ctx.offset);
    Matcher m = CALL.matcher(before);
    if (!m.find()) {
      return null;
    }
    String call = before.substring(m.start());
    long quotes = call.chars().filter(ch -> ch == '\'' || ch == '"').count();
    if (quotes % 2 == 0) {
      return List.of(); // between arguments: nothing worth naming
    }
    String synthetic = "{{ " + call;
    int shift = lineStart + m.start() - 3;
    List<CompletionItem> out = new ArrayList<>();
    for (CompletionItem i :
        Completion.at(
            new CompletionContext(
                ctx.snapshot, ctx.described, ctx.displayPath, synthetic, synthetic.length()))) {
      out.add(
          new CompletionItem(
              i.label(),
              i.kind(),
              i.detail(),
              i.documentation(),
              i.insertText(),
              i.snippet(),
              i.replaceStart() + shift,
              i.replaceEnd() + shift,
              i.sortText()));
    }
    return out;
  }

  // ---------------------------------------------------------------- keys

  private List<CompletionItem> key(YamlCursor c) {
    CompletionItems items = new CompletionItems(c.prefix, c.prefixStart, ctx.offset);
    if (projectFile()) {
      YamlKeyCompletion.projectConfigKeys(c, items);
      if (c.path.isEmpty() || c.prefix.isEmpty() || c.prefix.startsWith("+")) {
        SchemaCompletion.keys(
            DbtSchema.PROJECT, c, items, SchemaCompletion.present(c), !c.path.isEmpty());
      }
      return items.result();
    }
    YamlCursor.Segment last = c.segment(0);
    if (last != null && last.isItem() && c.item && YamlTestCompletion.testList(c.segment(1))) {
      YamlTestCompletion.testNames(
          ctx,
          items,
          YamlTestCompletion.restOfLineBlank(ctx),
          YamlTestCompletion.argumentsForm(ctx));
      return items.result();
    }
    Set<String> present =
        last == null
            ? c.childKeys(null)
            : last.isItem() ? c.keysOf(last).keySet() : c.childKeys(last);
    if (last != null && last.name().equals("config")) {
      String resource = YamlKeyCompletion.configResource(c);
      YamlKeyCompletion.configKeys(resource, items, present, "");
      SchemaCompletion.keys(
          DbtSchema.PROPERTIES, c, items, present, YamlVocabulary.CONFIG.containsKey(resource));
    } else if (last != null && !last.isItem() && YamlTestCompletion.testList(c.segment(2))) {
      YamlTestCompletion.testArguments(
          ctx, last.name(), true, items, present); // `- accepted_values:` then its keys
    } else if (last != null
        && last.name().equals("arguments")
        && YamlTestCompletion.testList(c.segment(3))) {
      YamlTestCompletion.testArguments(ctx, c.segment(1).name(), false, items, present);
    } else {
      List<String> keys = YamlKeyCompletion.keysAt(c, c.pathString());
      for (int i = 0; i < keys.size(); i++) {
        String k = keys.get(i);
        if (!present.contains(k)) {
          items.add(
              k,
              CompletionKind.KEYWORD,
              i,
              "property",
              null,
              YamlVocabulary.BLOCK_KEYS.contains(k) ? k + ":" : k + ": ",
              false);
        }
      }
      SchemaCompletion.keys(DbtSchema.PROPERTIES, c, items, present, !keys.isEmpty());
    }
    return items.result();
  }

  // ---------------------------------------------------------------- values

  private List<CompletionItem> value(YamlCursor c) {
    String typed = c.prefix;
    int start = c.prefixStart;
    boolean flow = c.quote == '\0' && typed.startsWith("[");
    if (flow) {
      int cut = Math.max(typed.lastIndexOf('['), typed.lastIndexOf(',')) + 1;
      while (cut < typed.length() && typed.charAt(cut) == ' ') {
        cut++;
      }
      start += cut;
      typed = typed.substring(cut);
    }
    CompletionItems items = new CompletionItems(typed, start, ctx.offset);
    String key = c.key.startsWith("+") ? c.key.substring(1) : c.key;
    YamlCursor.Segment last = c.segment(0);
    YamlCursor.Segment list = c.segment(1);
    String path = c.pathString();
    if (projectFile()) {
      if (c.key.startsWith("+") || path.contains("/")) {
        YamlValueCompletion.configValues(ctx, key, items);
      }
      SchemaCompletion.values(DbtSchema.PROJECT, c, items, !items.result().isEmpty());
      return items.result();
    }
    if (flow) {
      if (key.equals("data_tests") || key.equals("tests")) {
        YamlTestCompletion.testNames(ctx, items, false, false);
      }
      return items.result();
    }
    if (key.equals("name") && last != null && last.isItem() && list != null) {
      if (c.path.size() == 2) {
        switch (list.name()) {
          case "models" -> YamlNameCompletion.nodeNames(ctx, ResourceType.MODEL, c, items);
          case "seeds" -> YamlNameCompletion.nodeNames(ctx, ResourceType.SEED, c, items);
          case "snapshots" -> YamlNameCompletion.nodeNames(ctx, ResourceType.SNAPSHOT, c, items);
          case "analyses" -> YamlNameCompletion.nodeNames(ctx, ResourceType.ANALYSIS, c, items);
          case "macros" -> YamlNameCompletion.macroNames(ctx, c, items);
          default -> {}
        }
      } else if (list.name().equals("columns")) {
        YamlColumnCompletion.columnNames(ctx, c, items);
      }
      return items.result();
    }
    if (key.equals("model") && path.equals("unit_tests/-")) {
      YamlNameCompletion.nodeNames(ctx, ResourceType.MODEL, c, items);
      return items.result();
    }
    if (key.equals("type") && list != null && last.isItem()) {
      List<String> words =
          list.name().equals("constraints")
              ? YamlVocabulary.CONSTRAINT_TYPES
              : path.equals("exposures/-") ? YamlVocabulary.EXPOSURE_TYPES : List.of();
      words.forEach(w -> items.add(w, CompletionKind.CONFIG_VALUE, 0, key, null, w, false));
      return items.result();
    }
    if (key.equals("data_type") && list != null && list.name().equals("columns")) {
      YamlColumnCompletion.dataType(ctx, c, items);
      return items.result();
    }
    if (key.equals("version") && !path.isEmpty()) {
      return List.of(); // only the top-level `version: 2`
    }
    YamlValueCompletion.configValues(ctx, key, items);
    SchemaCompletion.values(DbtSchema.PROPERTIES, c, items, !items.result().isEmpty());
    return items.result();
  }
}
