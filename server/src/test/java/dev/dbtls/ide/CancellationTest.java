package dev.dbtls.ide;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class CancellationTest {
  private static final String SPEC =
      """
      -- file: models/x.sql
      select * from {{ ref('cust$0omers') }}
      """;

  @Test
  void aCancelledSearchStopsAndAnalysisLetsTheCancellationThrough() {
    NavFixture f = NavFixture.with(SPEC);
    assertThrows(
        CancellationException.class,
        () ->
            Cancellation.run(
                () -> true,
                () -> References.find(f.snapshot(), f.file(), f.text(), f.offset(), true)));
    // not an empty answer: the LSP layer answers RequestCancelled
    assertThrows(
        CancellationException.class,
        () ->
            Cancellation.run(
                () -> true, () -> Analysis.of(f.snapshot()).references(f.cursor(), true)));
  }

  @Test
  void aLiveRequestIsAnsweredAndTheThreadIsLeftAsItWas() {
    NavFixture f = NavFixture.with(SPEC);
    assertFalse(
        Cancellation.run(
                () -> false,
                () -> References.find(f.snapshot(), f.file(), f.text(), f.offset(), true))
            .isEmpty());
    assertFalse(Cancellation.current().cancelled());
  }
}
