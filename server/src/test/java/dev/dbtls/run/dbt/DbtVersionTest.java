package dev.dbtls.run.dbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbt --version} as dbt prints it: dbt Core 1.x's block (1.5 and later, and the older {@code
 * installed version:} form) and dbt v2's one line (the names dbt v2 has gone by: {@code dbt-fusion}
 * in its previews, as docs.getdbt.com's install guide shows, {@code dbt-core} for the open source
 * build of dbt-core's {@code crates/dbt-sa-cli}, plain {@code dbt} since 2.0).
 */
class DbtVersionTest {
  @TempDir Path dir;

  @Test
  void dbtCoreOnesBlock() {
    DbtVersion v =
        DbtVersion.parse(
                "Core:\n  - installed: 1.9.0\n  - latest:    1.9.0 - Up to date!\n\nPlugins:\n"
                    + "  - postgres: 1.9.0 - Up to date!\n")
            .orElseThrow();
    assertEquals("dbt 1.9.0", v.label());
    assertFalse(v.v2());
    assertTrue(v.hasEmpty());
    assertFalse(v.beforeFlagsAnywhere());
    assertEquals(
        "dbt 1.12.0b3",
        DbtVersion.parse("Core:\n  - installed: 1.12.0b3\n  - latest:    1.11.12\n")
            .orElseThrow()
            .label());
  }

  @Test
  void dbtCoreBefore15() {
    DbtVersion v =
        DbtVersion.parse(
                "installed version: 1.3.0\n   latest version: 1.3.1\n\nYour version of dbt is out"
                    + " of date!\n\nPlugins:\n  - postgres: 1.3.0 - Up to date!\n")
            .orElseThrow();
    assertEquals("1.3.0", v.version());
    assertTrue(v.beforeFlagsAnywhere());
    assertFalse(v.hasEmpty());
  }

  @Test
  void dbtV2() {
    for (String[] c :
        List.of(
            new String[] {"dbt-fusion 2.0.0-preview.45\n", "dbt-fusion 2.0.0-preview.45"},
            new String[] {"dbt-core 2.0.0-beta.2\n", "dbt-core 2.0.0-beta.2"},
            new String[] {"dbt 2.0.1\n", "dbt 2.0.1"},
            new String[] {"dbt v2 2.0.0\n", "dbt 2.0.0"})) {
      DbtVersion v = DbtVersion.parse(c[0]).orElseThrow(() -> new AssertionError(c[0]));
      assertEquals(c[1], v.label());
      assertTrue(v.v2());
      assertTrue(v.hasEmpty());
    }
  }

  @Test
  void noVersionInOutput() {
    assertTrue(DbtVersion.parse("zsh: command not found: dbt").isEmpty());
    assertTrue(DbtVersion.parse("").isEmpty());
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void askedOncePerBinaryAgainWhenItChanges() throws Exception {
    Path count = dir.resolve("asked");
    Path dbt = dir.resolve("dbt");
    script(dbt, count, "1.8.2");
    assertEquals("dbt 1.8.2", DbtVersion.of(dbt).orElseThrow().label());
    assertEquals("dbt 1.8.2", DbtVersion.of(dbt).orElseThrow().label());
    assertEquals(1, Files.readAllLines(count).size());
    // an upgrade replaces the binary: another size and time
    script(dbt, count, "1.9.10");
    Files.setLastModifiedTime(
        dbt, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    assertEquals("dbt 1.9.10", DbtVersion.of(dbt).orElseThrow().label());
    assertEquals(2, Files.readAllLines(count).size());
  }

  private static void script(Path dbt, Path count, String version) throws Exception {
    Files.writeString(
        dbt,
        "#!/bin/sh\necho asked >> '"
            + count
            + "'\nprintf 'Core:\\n  - installed: "
            + version
            + "\\n  - latest:    "
            + version
            + " - Up to date!\\n'\n");
    Files.setPosixFilePermissions(dbt, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
