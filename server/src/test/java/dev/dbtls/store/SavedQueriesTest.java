package dev.dbtls.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedQueriesTest {
  @TempDir Path dir;
  Store store;
  SavedQueries saved;

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("store.db"));
    saved = store.savedQueries();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private SavedQuery create(String name, String folder, List<String> tags, String sql) {
    StoreResult<SavedQuery> r =
        saved.create(new SavedQuery.Draft(name, "about " + name, tags, folder, sql, "/p"));
    assertTrue(r.ok(), r.error());
    return r.value();
  }

  private static List<String> names(StoreResult<List<SavedQuery>> r) {
    assertTrue(r.ok(), r.error());
    return r.value().stream().map(SavedQuery::name).toList();
  }

  @Test
  void createKeepsEveryFieldAndNormalizesTags() {
    SavedQuery q =
        create(
            " daily revenue ",
            "finance",
            List.of("kpi", " money", "kpi", " "),
            "select sum(x) from {{ ref('orders') }}");
    assertEquals("daily revenue", q.name());
    assertEquals("about  daily revenue ", q.description());
    assertEquals(List.of("kpi", "money"), q.tags());
    assertEquals("finance", q.folder());
    assertEquals("select sum(x) from {{ ref('orders') }}", q.sql());
    assertEquals("/p", q.projectDir());
    assertEquals(q.createdAt(), q.updatedAt());
    assertEquals(Optional.of(q), saved.get(q.id()).value());
  }

  @Test
  void updateReplacesFieldsAndTags() throws Exception {
    SavedQuery q = create("a", "", List.of("x", "y"), "select 1");
    Thread.sleep(5); // time must pass: the update's time stamp comes after the creation's
    StoreResult<SavedQuery> r =
        saved.update(
            q.id(), new SavedQuery.Draft("b", "new", List.of("z"), "moved", "select 2", null));
    assertTrue(r.ok(), r.error());
    SavedQuery u = r.value();
    assertEquals(
        List.of("b", "new", List.of("z"), "moved", "select 2"),
        List.of(u.name(), u.description(), u.tags(), u.folder(), u.sql()));
    assertEquals(null, u.projectDir());
    assertEquals(q.createdAt(), u.createdAt());
    assertTrue(u.updatedAt().isAfter(q.updatedAt()));
    assertEquals(List.of(), names(saved.withTag("x")));
  }

  @Test
  void aNameIsUniqueWithinItsFolder() {
    SavedQuery a = create("a", "f", List.of(), "select 1");
    create("a", "g", List.of(), "select 1");
    StoreResult<SavedQuery> dup =
        saved.create(new SavedQuery.Draft("a", "", List.of(), "f", "select 2", null));
    assertEquals(
        "cannot save the query: a saved query named 'a' is already in folder 'f'", dup.error());
    SavedQuery b = create("b", "", List.of(), "select 1");
    assertEquals(
        "cannot update the saved query: a saved query named 'b' is already in the" + " top folder",
        saved
            .update(a.id(), new SavedQuery.Draft("b", "", List.of(), "", "select 1", null))
            .error());
    assertTrue(
        saved
            .update(
                b.id(),
                new SavedQuery.Draft(
                    "b", "same name, same folder", List.of(), "", "select 1", null))
            .ok());
  }

  @Test
  void badInputIsAMessage() {
    assertEquals(
        "a saved query needs a name",
        saved.create(new SavedQuery.Draft(" ", "", null, null, "select 1", null)).error());
    assertEquals(
        "a saved query needs SQL",
        saved.create(new SavedQuery.Draft("n", "", null, null, "", null)).error());
    assertEquals(
        "cannot update the saved query: no saved query has id 99",
        saved.update(99, new SavedQuery.Draft("n", "", null, null, "select 1", null)).error());
    assertEquals(Optional.empty(), saved.get(99).value());
  }

  @Test
  void deleteRemovesTheQueryAndItsTags() {
    SavedQuery q = create("a", "", List.of("t"), "select 1");
    assertTrue(saved.delete(q.id()).value());
    assertFalse(saved.delete(q.id()).value());
    assertEquals(List.of(), names(saved.all()));
    assertEquals(List.of(), names(saved.withTag("t")));
  }

  @Test
  void listsByFolderAndTagAndSearches() {
    create("revenue", "finance", List.of("kpi"), "select sum(amount) from orders");
    create("churn", "finance/monthly", List.of("kpi", "customers"), "select 1");
    create("scratch", "", List.of(), "select * from Customers limit 10");
    assertEquals(List.of("revenue"), names(saved.inFolder("finance")));
    assertEquals(List.of("scratch"), names(saved.inFolder("")));
    assertEquals(List.of("", "finance", "finance/monthly"), saved.folders().value());
    assertEquals(List.of("revenue", "churn"), names(saved.withTag("kpi")));
    assertEquals(List.of("scratch", "revenue", "churn"), names(saved.all()));
    assertEquals(List.of("scratch", "churn"), names(saved.search("CUSTOMERS")));
    assertEquals(List.of("revenue"), names(saved.search("about rev")));
    assertEquals(List.of(), names(saved.search("100%")));
  }
}
