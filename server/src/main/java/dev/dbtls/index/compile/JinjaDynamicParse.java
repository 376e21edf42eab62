package dev.dbtls.index.compile;

import dev.dbtls.index.Manifest;
import dev.dbtls.index.ManifestBuilder;
import dev.dbtls.index.Node;
import dev.dbtls.index.ParsedFile;
import dev.dbtls.jinja.DbtJinja;
import dev.dbtls.jinja.RenderRequest;
import dev.dbtls.jinja.Rendered;
import java.util.List;
import java.util.Map;

/**
 * dbt's parse phase for files the scanner cannot read statically: render with {@code execute} false
 * and capture what {@code ref}, {@code source} and {@code config} were called with.
 */
final class JinjaDynamicParse implements ManifestBuilder.DynamicParse {
  private final java.util.function.Supplier<DbtJinja> jinja;
  private final Manifest empty;
  private final Map<String, String> env;

  JinjaDynamicParse(
      java.util.function.Supplier<DbtJinja> jinja, Manifest empty, Map<String, String> env) {
    this.jinja = jinja;
    this.empty = empty;
    this.env = env;
  }

  @Override
  public ManifestBuilder.Captured capture(ParsedFile file, Node draft) {
    CompileScope scope = new CompileScope(empty, draft, true, env);
    Rendered r =
        jinja
            .get()
            .render(
                new RenderRequest(
                    draft.displayPath(),
                    file.file().text(),
                    draft.packageName(),
                    DbtContext.globals(scope, Map::of)));
    // render errors surface again, located, when the node is compiled; parsing keeps what it found
    return new ManifestBuilder.Captured(
        List.copyOf(scope.captured().refs()),
        List.copyOf(scope.captured().sources()),
        scope.captured().config(),
        List.of(),
        !r.failed(),
        r.ranToEnd());
  }
}
