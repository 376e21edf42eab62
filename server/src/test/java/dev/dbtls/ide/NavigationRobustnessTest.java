package dev.dbtls.ide;

import dev.dbtls.project.ProjectFile;
import org.junit.jupiter.api.Test;

/**
 * Every prefix of every file of the fixture project, as if typed character by character, with the
 * cursor at its end and in the middle: no feature may throw (the public entry points would hide it,
 * so this calls the inner ones).
 */
class NavigationRobustnessTest {

  @Test
  void halfTypedFilesNeverThrow() {
    NavFixture f = NavFixture.of(NavFixture.PROJECT);
    for (ProjectFile file : f.snapshot().inputs().files()) {
      String path = f.snapshot().inputs().displayPath(file);
      String text = file.text();
      for (int end = 0; end <= text.length(); end++) {
        String typed = text.substring(0, end);
        for (int offset : new int[] {end, end / 2, Math.max(0, end - 3)}) {
          Hover.find(f.snapshot(), path, typed, offset);
          Definition.find(f.snapshot(), path, typed, offset);
        }
        if (end % 7 == 0) { // references scan the whole project: fewer of them
          References.find(f.snapshot(), path, typed, end, true);
        }
      }
    }
  }

  @Test
  void offsetsOutsideTheTextAndUnknownFiles() {
    NavFixture f = NavFixture.of(NavFixture.PROJECT);
    for (int offset : new int[] {-1, 0, 5, 1000}) {
      Hover.find(f.snapshot(), "models/none.sql", "{{ ref('customers') }}", offset);
      Definition.find(f.snapshot(), "elsewhere/x.yml", "models:\n  - name: customers\n", offset);
      References.find(f.snapshot(), "models/none.sql", "", offset, true);
    }
  }
}
