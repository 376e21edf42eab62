package dev.dbtls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Catalog;
import dev.dbtls.index.ParseCache;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * After an edit of macros, the columns run renders again only the models whose last render ran a
 * macro the edit defined otherwise (directly, through other macros, by dispatch, or in an ephemeral
 * parent), then the children of those whose columns changed; every other model keeps its entry.
 * Each table is what a run from scratch on the edited project gives.
 */
class MacroEditColumnsTest {
  private static final String MACROS =
      """
      {% macro clean(c) %}trim({{ c }}){% endmacro %}
      {% macro money(c) %}{{ c }} / 100{% endmacro %}
      {% macro amount(c) %}{{ money(c) }}{% endmacro %}
      {% macro flag() %}{{ adapter.dispatch('flag')() }}{% endmacro %}
      {% macro default__flag() %}true{% endmacro %}
      {% macro unused() %}1{% endmacro %}
      """;

  private static final String PROJECT =
      """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      -- file: models/sources.yml
      version: 2
      sources:
        - name: raw
          tables:
            - name: payments
              columns:
                - name: id
                  data_type: integer
                - name: name
                  data_type: varchar
                - name: cents
                  data_type: integer
      -- file: models/stg_payments.sql
      select id, {{ clean('name') }} as name, {{ amount('cents') }} as dollars
      from {{ source('raw', 'payments') }}
      -- file: models/plain.sql
      select id, name from {{ source('raw', 'payments') }}
      -- file: models/flagged.sql
      select id, {{ flag() }} as is_flagged from {{ source('raw', 'payments') }}
      -- file: models/eph.sql
      {{ config(materialized='ephemeral') }}
      select id, {{ clean('name') }} as label from {{ source('raw', 'payments') }}
      -- file: models/from_eph.sql
      select id, label from {{ ref('eph') }}
      -- file: models/report.sql
      select p.*, f.is_flagged from {{ ref('stg_payments') }} p join {{ ref('flagged') }} f using (id)
      -- file: macros/shop.sql
      """
          + MACROS;

  private static final ProjectInputs.Options OPTIONS = Fixture.options(null, Map.of(), Map.of());

  private static final Path MACRO_FILE = Fixture.ROOT.resolve("macros/shop.sql");

  /** A session on {@link #PROJECT}: its snapshot and table, and the edits after them. */
  private static final class Session {
    final Fixture fixture;
    final OverlayFileSource files;
    final ParseCache cache = new ParseCache();
    ProjectSnapshot snapshot;
    ProjectColumns table;
    int version = 1;

    Session() {
      this(PROJECT);
    }

    Session(String project) {
      fixture = Fixture.of(project);
      files = new OverlayFileSource(fixture);
      snapshot = ProjectSnapshot.load(Fixture.ROOT, OPTIONS, List.of(), fixture, false, cache);
      table = new ProjectColumns(snapshot, null).runNow(Catalog.EMPTY, files);
    }

    /** The macro file edited to {@code text}, the snapshot rebuilt as the server does, inferred. */
    ProjectColumns edit(Path file, String text) {
      files.open(file, text, ++version);
      ProjectInputs in = snapshot.inputs().withFile(file, text);
      snapshot = ProjectSnapshot.rebuild(snapshot, in, List.of(), files, cache, Set.of(file));
      table = new ProjectColumns(snapshot, table).runNow(Catalog.EMPTY, files);
      assertEquals(scratch(), table(table), "as a run from scratch on the edited project");
      return table;
    }

    ProjectColumns editMacros(String from, String to) {
      String text = MACROS.replace(from, to);
      assertNotEquals(MACROS, text, "the edit must apply");
      return edit(MACRO_FILE, text);
    }

    /** The table a new session on the edited files infers. */
    Map<String, String> scratch() {
      ProjectSnapshot s =
          ProjectSnapshot.load(Fixture.ROOT, OPTIONS, List.of(), files, false, new ParseCache());
      return table(new ProjectColumns(s, null).runNow(Catalog.EMPTY, files));
    }
  }

  /** Each node's inferred and known columns, by id: what the features read. */
  private static Map<String, String> table(ProjectColumns t) {
    Map<String, String> out = new TreeMap<>();
    t.entries().forEach((id, e) -> out.put(id, e.inferred() + "\n" + e.known()));
    return out;
  }

  @Test
  void anEditOfOneMacroRendersAgainOnlyTheModelsThatRanIt() {
    Session s = new Session();
    ProjectColumns first = s.table;
    // money() runs under amount(): only stg_payments ran it; its columns stay (a name and a type
    // that do not change), so report is not inferred again
    ProjectColumns next = s.editMacros("{{ c }} / 100", "{{ c }} / 100.0");
    assertEquals(1, next.inferredCount(), "stg_payments alone");
    assertEquals(1, next.parsedCount(), "its SQL changed");
    assertTrue(next.summary().contains("1 models that ran one rendered again"), next.summary());
    for (String id : List.of("model.shop.plain", "model.shop.flagged", "model.shop.report")) {
      assertSame(first.entries().get(id), next.entries().get(id), id + ": as it was");
    }
  }

  @Test
  void aCommentOutsideEveryMacroRendersNoModel() {
    Session s = new Session();
    ProjectColumns next = s.edit(MACRO_FILE, MACROS + "{# a note #}\n");
    assertEquals(0, next.inferredCount());
    assertEquals(0, next.parsedCount());
    assertNotNull(next.summary(), "a macro edit's run says when its columns are ready");
  }

  @Test
  void aMacroNoModelRanRendersNoModel() {
    Session s = new Session();
    assertEquals(0, s.editMacros("{% macro unused() %}1", "{% macro unused() %}2").inferredCount());
  }

  @Test
  void aMacroReachedByDispatchRendersAgainItsCallersAndThenTheChildrenWhoseParentsChanged() {
    Session s = new Session();
    ProjectColumns first = s.table;
    ProjectColumns next = s.editMacros("default__flag() %}true", "default__flag() %}'yes'");
    // flagged ran default__flag through dispatch; its column's type changed, so report runs too
    assertEquals(2, next.inferredCount(), "flagged, then report");
    assertSame(first.entries().get("model.shop.plain"), next.entries().get("model.shop.plain"));
  }

  @Test
  void aMacroOfAnEphemeralParentRendersAgainTheModelsItIsInjectedInto() {
    Session s = new Session();
    ProjectColumns first = s.table;
    ProjectColumns next = s.editMacros("trim({{ c }})", "upper(trim({{ c }}))");
    // clean() ran in stg_payments and in eph, whose SQL from_eph holds as a CTE
    assertEquals(3, next.inferredCount(), "stg_payments, eph, from_eph");
    assertNotEquals(
        first.memos().get("model.shop.from_eph").key(),
        next.memos().get("model.shop.from_eph").key(),
        "from_eph's compiled SQL holds eph's");
    assertSame(first.entries().get("model.shop.plain"), next.entries().get("model.shop.plain"));
  }

  @Test
  void editsOneAfterAnotherEachGiveWhatARunFromScratchGives() {
    Session s = new Session();
    s.editMacros("{{ c }} / 100", "{{ c }} / 10");
    s.editMacros("{{ c }} / 100", "{{ c }} / 1000");
    s.edit(MACRO_FILE, MACROS);
    ProjectColumns last = s.editMacros("trim({{ c }})", "lower({{ c }})");
    assertNotNull(last.summary());
  }

  @Test
  void aMacroAddedInfersEveryNodeAgain() {
    Session s = new Session();
    ProjectColumns next = s.edit(MACRO_FILE, MACROS + "{% macro another() %}2{% endmacro %}\n");
    assertEquals(next.entries().size(), next.inferredCount(), "which macros there are changed");
    assertTrue(next.summary().startsWith("columns of 6 models"), next.summary());
    assertFalse(next.summary().contains("after a macro edit"), next.summary());
  }

  @Test
  void aModelThatRanBeforeItsParentChangedInALaterPhaseTakesThatParentsNewColumns() {
    String macros =
        "{% macro pick(c) %}{% if c == 'a' %}cast(a as integer){% else %}{{ c }}{% endif %}{% endmacro %}\n";
    String project =
        """
        -- file: dbt_project.yml
        name: shop
        profile: shop
        -- file: models/base.sql
        select 1 as a, 2 as b
        -- file: models/changes.sql
        select {{ pick('a') }} as a from {{ ref('base') }}
        -- file: models/middle.sql
        select * from {{ ref('changes') }}
        -- file: models/late.sql
        select {{ pick('b') }} as b, m.* from {{ ref('middle') }} m join {{ ref('base') }} using (a)
        -- file: macros/pick.sql
        """
            + macros;
    Session s = new Session(project);
    // late ran pick() (its SQL stays) in the first phase, before middle took the new type of a in
    // the second: late runs again in the third and sees it
    s.edit(Fixture.ROOT.resolve("macros/pick.sql"), macros.replace("as integer", "as varchar"));
    assertEquals(
        "varchar",
        s.table.entry("model.shop.late").orElseThrow().known().columns().get(1).type(),
        "late's a, from middle");
  }

  @Test
  void aModelEditAfterAMacroEditRunsAsAnyModelEdit() {
    Session s = new Session();
    s.editMacros("{{ c }} / 100", "{{ c }} / 10");
    ProjectColumns next =
        s.edit(
            Fixture.ROOT.resolve("models/plain.sql"),
            "select id, name, 1 as one from {{ source('raw', 'payments') }}\n");
    assertEquals(1, next.inferredCount(), "plain alone: it has no children");
  }
}
