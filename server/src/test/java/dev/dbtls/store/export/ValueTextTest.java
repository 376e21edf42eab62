package dev.dbtls.store.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTextTest {
  @Test
  void valuesReadAsIsoDatesPlainDecimalsAndBase64() {
    assertNull(ValueText.of(null));
    assertEquals("2024-01-02T03:04:05", ValueText.of(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
    assertEquals("10000000000", ValueText.of(new BigDecimal("1E+10")));
    assertEquals("AQI=", ValueText.of(new byte[] {1, 2}));
  }

  @Test
  void exportFieldsKeepNullAndEmptyApart() {
    assertEquals("", ValueText.csvField(null));
    assertEquals("\"\"", ValueText.csvField(""));
    assertEquals("plain", ValueText.csvField("plain"));
    assertEquals("\"a,b\"", ValueText.csvField("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", ValueText.csvField("say \"hi\""));
    assertEquals("\"two\nlines\"", ValueText.csvField("two\nlines"));
  }

  @Test
  void terminalCsvLinesLeaveNullAndEmptyBothEmpty() {
    assertEquals(",,1,\"x,y\"", ValueText.csvLine(Arrays.asList(null, "", 1, "x,y")));
    assertEquals("id,name", ValueText.csvLine(List.of("id", "name")));
  }

  @Test
  void cellsAreOneLineAndCutWithAnEllipsis() {
    assertEquals("null", ValueText.cell(null, 40));
    assertEquals("a b", ValueText.cell("a\nb", 40));
    assertEquals("abc…", ValueText.cell("abcdefgh", 4));
    assertEquals("abcd", ValueText.cell("abcd", 4));
  }
}
