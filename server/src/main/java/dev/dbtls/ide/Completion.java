package dev.dbtls.ide;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.jinja.scan.PieceKind;
import dev.dbtls.jinja.scan.Token;
import dev.dbtls.jinja.scan.TokenKind;
import java.util.List;
import java.util.Set;

/**
 * Completion in a SQL, Markdown or YAML file of a dbt project, on the text as the editor has it.
 * The cursor's {@link CompletionContext} is worked out once; then each provider (one per concept:
 * {@link RefCompletion}, {@link FunctionCompletion}, {@link SourceCompletion}, {@link
 * VarCompletion}, {@link DocCompletion}, {@link ConfigCompletion}, {@link EnvVarCompletion}, {@link
 * MacroCompletion}, {@link JinjaCompletion}, {@link SqlCompletion}, {@link YamlCompletion}) adds
 * what fits there. Never throws on half-typed text; per request it scans one file and filters the
 * manifest's lists.
 */
public final class Completion {
  private Completion() {}

  private static final Set<String> DEFINITION_TAGS =
      Set.of(
          "macro",
          "test",
          "data_test",
          "materialization",
          "docs",
          "snapshot",
          "endmacro",
          "endtest",
          "enddata_test",
          "endmaterialization",
          "enddocs",
          "endsnapshot",
          "raw",
          "endraw",
          "import",
          "from",
          "include");

  /** Without a project's {@link DescribedNames} (tests): property files are cut afresh. */
  static List<CompletionItem> find(
      ProjectSnapshot snapshot, String displayPath, String text, int offset) {
    return find(snapshot, new DescribedNames(), displayPath, text, offset);
  }

  static List<CompletionItem> find(
      ProjectSnapshot snapshot,
      DescribedNames described,
      String displayPath,
      String text,
      int offset) {
    if (snapshot == null || text == null || offset < 0 || offset > text.length()) {
      return List.of();
    }
    return at(
        new CompletionContext(
            snapshot, described, displayPath == null ? "" : displayPath, text, offset));
  }

  /** The providers that fit where the context's cursor is. */
  static List<CompletionItem> at(CompletionContext c) {
    return switch (c.place) {
      case TEXT ->
          dev.dbtls.project.JinjaFileExtensions.isSql(c.displayPath)
              ? new SqlCompletion(c).complete()
              : YamlCompletion.covers(c.displayPath)
                  ? new YamlCompletion(c).complete()
                  : SelectorsCompletion.covers(c.displayPath)
                      ? selectors(c)
                      : SchemaCompletion.covers(c.displayPath)
                          ? new SchemaCompletion(c).complete()
                          : List.of();
      case STRING_ARGUMENT -> stringArgument(c);
      case JINJA_NAME -> jinjaName(c);
      case NOTHING -> List.of();
    };
  }

  /** selectors.yml: names of selectors where one is referred to, else the schema's keys. */
  private static List<CompletionItem> selectors(CompletionContext c) {
    List<CompletionItem> names = new SelectorsCompletion(c).complete();
    return names.isEmpty() ? new SchemaCompletion(c).complete() : names;
  }

  /** Inside {@code ref('}, {@code source('}, {@code var('}, ...: each provider checks its call. */
  private static List<CompletionItem> stringArgument(CompletionContext c) {
    CompletionItems items = c.items();
    RefCompletion.inString(c, items);
    FunctionCompletion.inString(c, items);
    SourceCompletion.inString(c, items);
    VarCompletion.inString(c, items);
    DocCompletion.inString(c, items);
    ConfigCompletion.inString(c, items);
    EnvVarCompletion.inString(c, items);
    MacroCompletion.inString(c, items);
    return items.result();
  }

  /**
   * At a name in Jinja: what the tokens before it allow, else every name an expression starts with.
   */
  private static List<CompletionItem> jinjaName(CompletionContext c) {
    CompletionItems items = c.items();
    boolean statement = c.piece.kind() == PieceKind.STATEMENT;
    Token before = c.before(1);
    if (statement && c.at == 0) {
      JinjaCompletion.tags(c, items);
    } else if (statement && DEFINITION_TAGS.contains(c.piece.tag())) {
      return List.of(); // naming a macro, its parameters, a docs block...
    } else if (before != null && before.isOperator("|")) {
      JinjaCompletion.filters(items);
    } else if (before != null && before.isName("is")) {
      JinjaCompletion.tests(items);
    } else if (before != null && c.at >= 2 && before.isPunct(".")) {
      Token owner = c.before(2);
      Token further = c.before(3);
      if (owner.kind() == TokenKind.NAME && (further == null || !further.isPunct("."))) {
        if (MacroCompletion.isNamespace(c, owner.value())) {
          MacroCompletion.ofNamespace(c, owner.value(), items);
        } else {
          JinjaCompletion.members(c, owner.value(), items);
        }
      }
    } else if (ConfigCompletion.atKey(c)) {
      ConfigCompletion.keys(items, "=");
    } else {
      ConfigCompletion.quotedValues(c, items);
      RefCompletion.versionArguments(c, items);
      MacroCompletion.parameters(c, items);
      JinjaCompletion.locals(c, items);
      JinjaCompletion.contextNames(c, items);
      MacroCompletion.reachable(c, items);
      JinjaCompletion.packageNamespaces(c, items);
      JinjaCompletion.words(items);
    }
    return items.result();
  }
}
