package dev.dbtls.jinja.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScanPiecesTest {

  /** Kinds and exact ranges of every piece, in order: one « » per piece. */
  private static void assertPieces(String marked, PieceKind... kinds) {
    Fixture f = Fixture.of(marked);
    ScannedTemplate t = f.scan();
    assertEquals(List.of(kinds), t.pieces().stream().map(Piece::kind).toList(), marked);
    assertEquals(f.ranges(), t.pieces().stream().map(Piece::range).toList(), marked);
    assertEquals(List.of(), t.errors(), marked);
  }

  @Test
  void cutsIntoPieces() {
    assertPieces(
        "«select »«{{ x }}»« from »«{% if y %}»«c»«{% endif %}»«{# d #}»",
        PieceKind.TEXT,
        PieceKind.EXPRESSION,
        PieceKind.TEXT,
        PieceKind.STATEMENT,
        PieceKind.TEXT,
        PieceKind.STATEMENT,
        PieceKind.COMMENT);
    assertPieces("«a { b } {x} %}»", PieceKind.TEXT);
    assertPieces("", new PieceKind[0]);
    assertPieces(
        "«{{ \"}}\" }}»«{% set d = {'a': {'b': 1}} %}»«{{ {'a': {'b': 1}}}}»",
        PieceKind.EXPRESSION, PieceKind.STATEMENT, PieceKind.EXPRESSION);
    assertPieces(
        "«{# {{ {% not a tag #}»« »«{% raw %}{{ x }}{% if %}{% endraw %}»",
        PieceKind.COMMENT, PieceKind.TEXT, PieceKind.RAW);
  }

  @Test
  void trimFlags() {
    ScannedTemplate t = JinjaScanner.scan("{{- a }}{{ b -}}{%- if c -%}{%+ endif +%}{#- x -#}");
    List<Piece> p = t.pieces();
    assertTrue(p.get(0).trimLeft() && !p.get(0).trimRight());
    assertTrue(!p.get(1).trimLeft() && p.get(1).trimRight());
    assertTrue(p.get(2).trimLeft() && p.get(2).trimRight());
    assertTrue(!p.get(3).trimLeft() && !p.get(3).trimRight());
    assertTrue(p.get(4).trimLeft() && p.get(4).trimRight());
    assertEquals(" x ", p.get(4).innerRange().of(t.text()));
    assertEquals(" a ", p.get(0).innerRange().of(t.text()));
    assertEquals(List.of(), t.errors());
  }

  @Test
  void minusIsAnOperatorUnlessItTouchesTheDelimiter() {
    ScannedTemplate t = JinjaScanner.scan("{{ a - b }}{{ a -}}{{-1}}");
    assertEquals(List.of("a", "-", "b"), values(t.pieces().get(0)));
    assertEquals(List.of("a"), values(t.pieces().get(1)));
    assertTrue(t.pieces().get(1).trimRight());
    assertEquals(List.of("1"), values(t.pieces().get(2)));
    assertTrue(t.pieces().get(2).trimLeft());
  }

  private static List<String> values(Piece p) {
    return p.tokens().stream().map(Token::value).toList();
  }

  @Test
  void tokensHaveKindsValuesAndOffsets() {
    Fixture f =
        Fixture.of(
            "{{ «ref»«(»«'a\\'b'»«,» «v»«=»«2.5e3»«)» «|» «x»«.»«y» «//» «-»«1_0» «~» «\"q\"» }}");
    Piece p = f.scan().pieces().get(0);
    assertEquals(f.ranges(), p.tokens().stream().map(Token::range).toList());
    assertEquals(
        "NAME PUNCT STRING PUNCT NAME OPERATOR NUMBER PUNCT OPERATOR NAME PUNCT NAME"
            + " OPERATOR OPERATOR NUMBER OPERATOR STRING",
        p.tokens().stream().map(k -> k.kind().name()).collect(Collectors.joining(" ")));
    assertEquals("a'b", p.tokens().get(2).value());
    assertEquals("q", p.tokens().get(16).value());
    assertEquals("2.5e3", p.tokens().get(6).value());
  }

  @Test
  void stringEscapes() {
    Piece p = JinjaScanner.scan("{{ 'a\\nb\\t\\\\\\x41\\u00e9' ~ \"it's\" }}").pieces().get(0);
    assertEquals("a\nb\t\\Aé", p.tokens().get(0).value());
    assertEquals("it's", p.tokens().get(2).value());
    assertEquals(new TextRange(4, 22), p.tokens().get(0).innerRange());
  }

  @Test
  void statementsKnowTheirTag() {
    ScannedTemplate t =
        JinjaScanner.scan(
            "{% if a %}{% for x in y %}{% set z = 1 %}{% do l.append(1) %}{% endfor %}{% endif %}"
                + "{%- macro m() -%}{%- endmacro %}{% call statement('s') %}{% endcall %}"
                + "{% materialization table, adapter='duckdb' %}{% endmaterialization %}"
                + "{% test t(model) %}{% endtest %}{% docs d %}{% enddocs %}{% snapshot s %}"
                + "{% endsnapshot %}{% filter upper %}{% endfilter %}{% raw %}{% endraw %}");
    assertEquals(
        List.of(
            "if",
            "for",
            "set",
            "do",
            "endfor",
            "endif",
            "macro",
            "endmacro",
            "call",
            "endcall",
            "materialization",
            "endmaterialization",
            "test",
            "endtest",
            "docs",
            "enddocs",
            "snapshot",
            "endsnapshot",
            "filter",
            "endfilter",
            "raw"),
        t.pieces().stream().map(Piece::tag).toList());
    assertEquals(List.of(), t.errors());
  }

  @Test
  void rawIsOnePieceWithItsContent() {
    Fixture f = Fixture.of("{%- raw -%}«{{ x }} {% if %}»{%- endraw -%} b");
    ScannedTemplate t = f.scan();
    Piece raw = t.pieces().get(0);
    assertEquals(PieceKind.RAW, raw.kind());
    assertEquals(f.range(0), raw.innerRange());
    assertTrue(raw.trimLeft() && raw.trimRight());
    assertEquals(2, t.pieces().size());
  }

  @Test
  void blocksMatchWithBranchesAndDepth() {
    ScannedTemplate t =
        JinjaScanner.scan(
            "{% if a %}1{% elif b %}2{% else %}{% for x in y %}{{ x }}{% else %}none{% endfor %}"
                + "{% endif %}{% set v %}body{% endset %}{% set w = 1 %}");
    List<Block> b = t.blocks();
    assertEquals(3, b.size());
    Block ifBlock = b.get(0);
    assertEquals("if", ifBlock.tag());
    assertEquals(
        List.of("elif", "else"),
        ifBlock.branches().stream().map(i -> t.pieces().get(i).tag()).toList());
    assertEquals("endif", t.pieces().get(ifBlock.end()).tag());
    Block forBlock = b.get(1);
    assertEquals(0, forBlock.parent());
    assertEquals(1, forBlock.depth());
    assertEquals(1, forBlock.branches().size());
    Piece x =
        t.pieces().stream().filter(p -> p.kind() == PieceKind.EXPRESSION).findFirst().orElseThrow();
    assertEquals(2, x.depth());
    assertEquals(1, x.parentBlock());
    assertEquals(0, t.pieces().get(ifBlock.open()).depth());
    assertEquals(0, t.pieces().get(ifBlock.end()).depth());
    assertEquals(0, t.pieces().get(ifBlock.branches().get(0)).depth());
    assertEquals("set", b.get(2).tag());
    assertEquals("body", t.body(b.get(2)).of(t.text()));
    assertEquals(List.of(), t.errors());
  }

  @Test
  void pieceAtFindsTheCursor() {
    Fixture f = Fixture.of("select {{ ref('o$0rders') }} x");
    ScannedTemplate t = f.scan();
    Piece p = t.pieceAt(f.cursor());
    assertEquals(PieceKind.EXPRESSION, p.kind());
    assertEquals(PieceKind.TEXT, t.pieceAt(0).kind());
    assertEquals(PieceKind.TEXT, t.pieceAt(t.text().length()).kind());
  }

  @Test
  void tokenAtFindsTheTokenUnderTheCursor() {
    Fixture f = Fixture.of("select {{ ref('«o$0rd»') }}");
    Token k = f.scan().tokenAt(f.cursor());
    assertEquals(TokenKind.STRING, k.kind());
    assertEquals(f.range(0), k.innerRange());
    f = Fixture.of("{{ ref$0");
    assertEquals("ref", f.scan().tokenAt(f.cursor()).value());
    f = Fixture.of("{{ ref('a') }} sel$0ect");
    assertEquals(null, f.scan().tokenAt(f.cursor()));
    ScannedTemplate t = JinjaScanner.scan("{% if a %}{% endif %}");
    assertEquals(t.blocks().get(0), t.blockOpenedBy(t.pieces().get(0)));
    assertEquals(null, t.blockOpenedBy(t.pieces().get(1)));
  }

  @Test
  void halfTypedTagsStayTolerant() {
    // Each of these keeps later pieces intact: a new tag opener ends a runaway tag.
    ScannedTemplate t = JinjaScanner.scan("{{ ref('\nselect {{ x }}");
    assertEquals(
        List.of(PieceKind.EXPRESSION, PieceKind.EXPRESSION),
        t.pieces().stream().map(Piece::kind).toList());
    assertFalse(t.pieces().get(0).closed());
    assertTrue(t.pieces().get(1).closed());
    assertEquals("", t.pieces().get(0).tokens().get(2).value());

    t = JinjaScanner.scan("{% if x %}{% for y in");
    assertEquals("for", t.pieces().get(1).tag());
    assertFalse(t.pieces().get(1).closed());

    t = JinjaScanner.scan("{{");
    assertEquals(1, t.pieces().size());
    assertFalse(t.pieces().get(0).closed());
  }
}
