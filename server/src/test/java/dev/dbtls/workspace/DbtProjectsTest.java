package dev.dbtls.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbtProjectsTest {
  @TempDir Path dir;

  private Path project(String path) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p);
    Files.writeString(p.resolve("dbt_project.yml"), "name: x\n");
    return p;
  }

  @Test
  void projectsOfAMonorepoButNotPackagesOrPythonEnvironments() throws IOException {
    Path shop = project("shop");
    Path finance = project("teams/finance");
    Path nested = project("shop/examples/demo");
    project("shop/dbt_packages/dbt_utils");
    project(".venv/lib/python3.12/site-packages/dbt/include/global_project");
    project("venv/lib/python3.12/site-packages/dbt/include/global_project");
    assertEquals(List.of(shop, nested, finance), DbtProjects.find(dir));
  }

  @Test
  void aFolderWithADotInItsNameIsSearchedAmongModelFiles() throws IOException {
    Path v2 = project("shop.v2");
    Path models = Files.createDirectories(dir.resolve("shop.v2/models"));
    for (int i = 0; i < 50; i++) {
      Files.writeString(models.resolve("m" + i + ".sql"), "select 1");
    }
    Files.writeString(models.resolve("schema.yml"), "version: 2");
    Path nested = project("shop.v2/models/examples.d/demo");
    assertEquals(List.of(v2, nested), DbtProjects.find(dir));
  }

  @Test
  void aFileBelongsToTheInnermostProject() throws IOException {
    Path shop = project("shop");
    Path nested = project("shop/examples/demo");
    List<Path> all = List.of(shop, nested);
    assertEquals(Optional.of(nested), DbtProjects.innermost(all, nested.resolve("models/a.sql")));
    assertEquals(Optional.of(shop), DbtProjects.innermost(all, shop.resolve("models/a.sql")));
    assertEquals(
        Optional.of(shop),
        DbtProjects.innermost(all, shop.resolve("dbt_packages/dbt_utils/macros/x.sql")));
    assertEquals(Optional.empty(), DbtProjects.innermost(all, dir.resolve("loose.sql")));
  }

  @Test
  void theEnclosingProjectOfAFileIsNeverAPackage() throws IOException {
    Path shop = project("shop");
    project("shop/dbt_packages/dbt_utils");
    assertEquals(
        Optional.of(shop),
        DbtProjects.enclosing(shop.resolve("dbt_packages/dbt_utils/macros/x.sql")));
    assertEquals(Optional.empty(), DbtProjects.enclosing(dir.resolve("loose.sql")));
  }
}
