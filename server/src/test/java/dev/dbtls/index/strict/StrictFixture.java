package dev.dbtls.index.strict;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.testing.Fixture;
import java.util.List;

/**
 * The strict spec's tests' DSL: a mini project in a string ({@link Fixture}), what {@link
 * StrictSpec} finds in one of its files as {@code "code 1:2"} (1-based), and the file once {@link
 * FixedFile} applied every fix.
 */
final class StrictFixture {
  private final Fixture fixture;
  private final ProjectSnapshot snapshot;

  private StrictFixture(String spec, java.util.Map<String, String> env) {
    this.fixture = Fixture.of(spec);
    this.snapshot = fixture.snapshot(null, java.util.Map.of(), env);
  }

  static StrictFixture of(String spec) {
    return new StrictFixture(spec, java.util.Map.of());
  }

  /** The project loaded with {@code env} as the process environment. */
  static StrictFixture withEnv(String spec, java.util.Map<String, String> env) {
    return new StrictFixture(spec, env);
  }

  List<Deprecation> deprecations(String path) {
    return StrictSpec.of(snapshot, path, fixture.text(path));
  }

  /** {@code "code line:col"} of each deprecation in {@code path}, 1-based. */
  List<String> found(String path) {
    return deprecations(path).stream()
        .map(Deprecation::problem)
        .map(p -> p.code().id() + " " + (p.line() + 1) + ":" + (p.column() + 1))
        .toList();
  }

  List<Problem> problems(String path) {
    return deprecations(path).stream().map(Deprecation::problem).toList();
  }

  /** The fix titles of {@code path}'s deprecations (null where there is no fix). */
  List<String> titles(String path) {
    return deprecations(path).stream().map(Deprecation::fixTitle).toList();
  }

  /** {@code path}'s text with every fix applied. */
  String fixed(String path) {
    return FixedFile.of(snapshot, path, fixture.text(path)).text();
  }

  String text(String path) {
    return fixture.text(path);
  }

  ProjectSnapshot snapshot() {
    return snapshot;
  }
}
