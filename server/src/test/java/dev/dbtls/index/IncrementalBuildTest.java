package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncrementalBuildTest {
  private static final String PROJECT =
      """
      -- file: models/a.sql
      select 1 as id
      -- file: models/b.sql
      select * from {{ ref('a') }}
      -- file: models/c.sql
      select 2 as id
      -- file: models/_models.yml
      models:
        - name: a
          description: first
      """;

  @Test
  void aChangedFileIsTheOnlyOneRescanned() {
    Fixture f = Fixture.of(PROJECT);
    ParseCache cache = new ParseCache();
    ProjectInputs in = f.load();
    new ManifestBuilder(in, null, null, cache).build();
    int first = cache.parses();
    assertEquals(4, first);

    ProjectInputs changed =
        in.withFile(Fixture.ROOT.resolve("models/c.sql"), "select * from {{ ref('b') }}");
    Manifest m = new ManifestBuilder(changed, null, null, cache).build();
    assertEquals(first + 1, cache.parses(), "only c.sql is scanned again");
    assertEquals(List.of("model.shop.b"), m.nodes().get("model.shop.c").dependsOn());
    assertEquals("first", m.nodes().get("model.shop.a").description());
  }

  @Test
  void projectFileChangesNeedAFullReload() {
    ProjectInputs in = Fixture.of(PROJECT).load();
    assertNull(in.withFile(Fixture.ROOT.resolve("dbt_project.yml"), "name: x"));
    assertNull(in.withFile(Fixture.ROOT.resolve("models/new.sql"), "select 1"));
  }
}
