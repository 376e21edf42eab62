package dev.dbtls.run.dbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Where the user's dbt is found, in order, with real files in temporary folders. */
@DisabledOnOs(OS.WINDOWS)
class DbtExecutableTest {
  @TempDir Path dir;

  private Path executable(Path p) throws Exception {
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void theSettingFirst() throws Exception {
    Path repo = dir.resolve("repo");
    Path project = repo.resolve("shop");
    executable(project.resolve(".venv/bin/dbt"));
    Path mine = executable(dir.resolve("tools/dbt-1.9/dbt"));
    DbtExecutable.Found f = DbtExecutable.find(mine, project, Map.of("PATH", ""), false);
    assertEquals(mine, f.dbt().path());
    assertEquals("dbtls.dbt.path", f.dbt().how());
  }

  @Test
  void aSettingThatIsNoExecutableIsAnErrorNotAFallback() throws Exception {
    Path project = dir.resolve("shop");
    executable(project.resolve(".venv/bin/dbt"));
    DbtExecutable.Found missing =
        DbtExecutable.find(dir.resolve("nope/dbt"), project, Map.of(), false);
    assertFalse(missing.ok());
    assertTrue(
        missing.error().contains("(dbtls.dbt.path, --dbt-path), " + dir.resolve("nope/dbt")));
    assertTrue(missing.error().contains("does not exist"));
    Path plain = dir.resolve("plain");
    Files.writeString(plain, "not a program");
    assertTrue(
        DbtExecutable.find(plain, project, Map.of(), false).error().contains("not executable"));
  }

  @Test
  void theProjectsVirtualEnvironmentThenTheRepositorysThenPath() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Path project = repo.resolve("transform/shop");
    Files.createDirectories(project);
    Path onPath = executable(dir.resolve("bin/dbt"));
    Map<String, String> env =
        Map.of("PATH", dir.resolve("empty") + File.pathSeparator + onPath.getParent());

    assertEquals(onPath, DbtExecutable.find(null, project, env, false).dbt().path());
    assertEquals("PATH", DbtExecutable.find(null, project, env, false).dbt().how());

    Path repoVenv = executable(repo.resolve("venv/bin/dbt"));
    assertEquals(repoVenv, DbtExecutable.find(null, project, env, false).dbt().path());
    assertEquals("virtual environment", DbtExecutable.find(null, project, env, false).dbt().how());

    Path own = executable(project.resolve(".venv/bin/dbt"));
    assertEquals(own, DbtExecutable.find(null, project, env, false).dbt().path());
  }

  @Test
  void notAboveTheRepository() throws Exception {
    executable(dir.resolve(".venv/bin/dbt"));
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Path project = repo.resolve("shop");
    Files.createDirectories(project);
    assertFalse(DbtExecutable.find(null, project, Map.of("PATH", ""), false).ok());
  }

  @Test
  void windowsKeepsItInScripts() throws Exception {
    Path project = dir.resolve("shop");
    Path exe = executable(project.resolve("env/Scripts/dbt.exe"));
    assertEquals(exe, DbtExecutable.find(null, project, Map.of(), true).dbt().path());
  }

  @Test
  void noneFoundSaysWhereItLooked() throws Exception {
    Path project = dir.resolve("shop");
    Files.createDirectories(project);
    Files.writeString(project.resolve("dbt"), "not executable");
    Map<String, String> env = Map.of("PATH", project.toString());
    DbtExecutable.Found f = DbtExecutable.find(null, project, env, false);
    assertNull(f.dbt());
    assertTrue(f.error().startsWith("no dbt found: set dbtls.dbt.path"), f.error());
    assertTrue(f.error().contains(project.resolve(".venv/bin/dbt").toString()));
    assertTrue(f.error().contains(project.resolve("env/bin/dbt").toString()));
    assertTrue(f.error().contains("PATH (" + project + ")"));
  }

  @Test
  void executorChoice() throws Exception {
    Path project = dir.resolve("shop");
    Files.createDirectories(project);
    Map<String, String> none = Map.of("PATH", "");
    assertTrue(Executor.AUTO.choose(null, project, none).nativeRunner());
    assertTrue(Executor.NATIVE.choose(null, project, none).nativeRunner());
    Executor.Choice asked = Executor.DBT.choose(null, project, none);
    assertNull(asked.dbt());
    assertTrue(asked.error().startsWith("no dbt found"), asked.error());
    Path venv = executable(project.resolve(".venv/bin/dbt"));
    assertEquals(venv, Executor.AUTO.choose(null, project, none).dbt().path());
    assertTrue(Executor.NATIVE.choose(null, project, none).nativeRunner());
    assertEquals(Executor.DBT, Executor.of(" DBT "));
    assertNull(Executor.of("python"));
  }
}
