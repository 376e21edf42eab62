package dev.dbtls.ide;

import dev.dbtls.jinja.scan.DbtContextNames;
import dev.dbtls.jinja.scan.Piece;
import dev.dbtls.jinja.scan.StaticFacts;
import dev.dbtls.jinja.scan.Token;
import dev.dbtls.jinja.scan.TokenKind;
import java.util.List;

/**
 * Jinja's own words: tags at a statement's start, filters after {@code |}, tests after {@code is},
 * the members of dbt's objects after {@code obj.}, the names the template binds, dbt's context and
 * the package names an expression may start with.
 */
final class JinjaCompletion {
  private JinjaCompletion() {}

  /** At the start of {@code {% }: the tags, the end tag of the enclosing open block first. */
  static void tags(CompletionContext c, CompletionItems items) {
    String wanted = null;
    if (c.piece.parentBlock() >= 0) {
      wanted = "end" + c.template.blocks().get(c.piece.parentBlock()).tag();
    }
    for (String tag : CompletionVocabulary.JINJA_TAGS) {
      items.add(
          tag, CompletionKind.KEYWORD, tag.equals(wanted) ? 0 : 1, "Jinja tag", null, tag, false);
    }
  }

  static void filters(CompletionItems items) {
    for (String f : CompletionVocabulary.JINJA_FILTERS) {
      items.add(f, CompletionKind.FUNCTION, 0, "Jinja filter", null, f, false);
    }
  }

  static void tests(CompletionItems items) {
    for (String t : CompletionVocabulary.JINJA_TESTS) {
      items.add(t, CompletionKind.KEYWORD, 0, "Jinja test", null, t, false);
    }
  }

  /**
   * After {@code obj.} for one of dbt's objects ({@code adapter}, {@code this}, ...): its members.
   */
  static void members(CompletionContext c, String owner, CompletionItems items) {
    for (String member : CompletionVocabulary.MEMBERS.getOrDefault(owner, List.of())) {
      boolean method = member.endsWith("()");
      String name = method ? member.substring(0, member.length() - 2) : member;
      items.add(
          name,
          CompletionKind.FUNCTION,
          0,
          owner + "." + member,
          null,
          method && !c.callFollows ? name + "($1)" : name,
          method && !c.callFollows);
    }
  }

  /**
   * Names the template binds before the cursor: {@code {% set %}} and {@code {% for %}} targets,
   * {@code loop} inside a for, and the parameters of the macro the cursor is in.
   */
  static void locals(CompletionContext c, CompletionItems items) {
    for (Piece p : c.template.pieces()) {
      if (p.start() >= c.piece.start()) {
        break;
      }
      if (p.isTag("set") || p.isTag("for")) {
        List<Token> ts = p.tokens();
        for (int i = 1;
            i < ts.size() && !ts.get(i).isOperator("=") && !ts.get(i).isName("in");
            i++) {
          if (ts.get(i).kind() == TokenKind.NAME) {
            items.add(
                ts.get(i).value(),
                CompletionKind.VAR,
                0,
                p.isTag("set") ? "set in this file" : "loop variable",
                null,
                ts.get(i).value(),
                false);
          }
        }
      }
    }
    if (c.template.isInside(c.piece, "for")) {
      items.add(
          "loop",
          CompletionKind.VAR,
          2,
          "the for loop: loop.index, loop.first, loop.last",
          null,
          "loop",
          false);
    }
    for (StaticFacts.MacroDef d : c.scan.facts().macros()) {
      if (d.body().touches(c.offset)) {
        for (StaticFacts.Param param : d.params()) {
          items.add(
              param.name(),
              CompletionKind.VAR,
              0,
              "parameter of "
                  + d.name()
                  + (param.defaultText() == null ? "" : " = " + param.defaultText()),
              null,
              param.name(),
              false);
        }
      }
    }
  }

  /** dbt's context: {@code ref}, {@code this}, {@code target}, ... with a call snippet. */
  static void contextNames(CompletionContext c, CompletionItems items) {
    for (DbtContextNames.Name n : DbtContextNames.ALL) {
      if (n.help() == null) {
        continue;
      }
      boolean snippet = n.snippet() != null && !c.callFollows;
      items.add(
          n.name(),
          CompletionKind.FUNCTION,
          2,
          "dbt",
          n.help(),
          snippet ? n.snippet() : n.name(),
          snippet);
    }
  }

  /** The installed packages, whose macros are reached as {@code pkg.name()}. */
  static void packageNamespaces(CompletionContext c, CompletionItems items) {
    String root = c.rootProject();
    for (String p : c.snapshot.inputs().packageNames()) {
      if (!p.equals(root)) {
        items.add(
            p,
            CompletionKind.PACKAGE,
            3,
            "package: its macros are " + p + ".name()",
            null,
            p,
            false);
      }
    }
  }

  /** {@code and}, {@code not}, {@code true}, ...: once something is typed (never on their own). */
  static void words(CompletionItems items) {
    if (!items.prefix().isEmpty()) {
      for (String w : CompletionVocabulary.JINJA_EXPRESSION_WORDS) {
        items.add(w, CompletionKind.KEYWORD, 5, "Jinja", null, w, false);
      }
    }
  }
}
