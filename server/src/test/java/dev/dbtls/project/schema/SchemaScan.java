package dev.dbtls.project.schema;

import dev.dbtls.project.yaml.YamlDocument;
import dev.dbtls.project.yaml.YamlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Validates every YAML file of a project folder on disk, as the strict check does. */
final class SchemaScan {
  private SchemaScan() {}

  /**
   * Each violation of one of {@code kinds} as {@code path:line:column KIND [key] message}, files in
   * name order.
   */
  static List<String> scan(Path project, java.util.Set<SchemaViolation.Kind> kinds) {
    List<String> out = new ArrayList<>();
    for (Path file : yamlFiles(project)) {
      String rel = project.relativize(file).toString().replace('\\', '/');
      String text;
      try {
        text = Files.readString(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      YamlDocument doc = YamlDocument.parse(rel, text, YamlLimits.DEFAULT);
      List<SchemaViolation> found;
      if (rel.equals("profiles.yml")) {
        found = SchemaValidator.validateProfiles(doc.root());
      } else {
        DbtSchema schema = DbtSchema.forFileName(rel);
        found =
            SchemaValidator.validate(
                rel.contains("/") || schema == null ? DbtSchema.PROPERTIES : schema, doc.root());
      }
      for (SchemaViolation v : found) {
        if (kinds.contains(v.kind())) {
          out.add(rel + ":" + SchemaValidatorTest.line(v));
        }
      }
    }
    return out;
  }

  private static List<Path> yamlFiles(Path project) {
    try (Stream<Path> s = Files.walk(project)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .filter(
              p -> {
                String rel = project.relativize(p).toString().replace('\\', '/');
                return !rel.startsWith("dbt_packages/")
                    && !rel.startsWith("target/")
                    && !rel.startsWith("integration_tests/")
                    && !rel.startsWith("logs/")
                    && !rel.equals("package-lock.yml");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
