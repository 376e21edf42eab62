package dev.dbtls.project.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.SchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * One of dbt's published JSON schemas shipped with the server ({@code
 * resources/dbtls/schemas/README.md} names their source and version). Each is read from the class
 * path once, on first use; nothing is ever fetched: the schemas refer only to their own
 * definitions, and the registry gets a loader that can load nothing.
 */
public enum DbtSchema {
  PROJECT("dbt_project-latest-fusion.json", ""),
  PROPERTIES("dbt_yml_files-latest-fusion.json", ""),
  SELECTORS("selectors-latest-fusion.json", ""),
  PACKAGES("packages-latest-fusion.json", ""),
  DEPENDENCIES("dependencies-latest-fusion.json", ""),
  /**
   * One target of {@code profiles.yml} ({@code <profile>.outputs.<target>}): the published root
   * admits no profile at all ({@code additionalProperties: false} and no properties), so only its
   * {@code DbConfig} definition is used.
   */
  PROFILE_TARGET("profiles-latest-fusion.json", "/definitions/DbConfig");

  /** dbt-jsonschema's commit and date the shipped files come from. */
  public static final String VERSION = "dbt-jsonschema a9176ae8684f (2026-06-15), latest_fusion";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String resource;
  private final String pointer;
  private volatile Loaded loaded;

  DbtSchema(String resource, String pointer) {
    this.resource = resource;
    this.pointer = pointer;
  }

  private record Loaded(JsonNode document, Schema schema) {}

  /** The schema for a YAML file by its name, or null for a name no schema covers as a whole. */
  public static DbtSchema forFileName(String path) {
    String name = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "dbt_project.yml" -> PROJECT;
      case "selectors.yml" -> SELECTORS;
      case "packages.yml" -> PACKAGES;
      case "dependencies.yml" -> DEPENDENCIES;
      default -> null;
    };
  }

  /** The whole schema document (definitions included), as published. */
  public JsonNode document() {
    return load().document;
  }

  /** The node validation starts from: the document's root or the definition it names. */
  public JsonNode root() {
    return pointer.isEmpty() ? document() : document().at(pointer);
  }

  Schema compiled() {
    return load().schema;
  }

  private Loaded load() {
    Loaded l = loaded;
    if (l == null) {
      synchronized (this) {
        l = loaded;
        if (l == null) {
          l = read();
          loaded = l;
        }
      }
    }
    return l;
  }

  private Loaded read() {
    try (InputStream in = DbtSchema.class.getResourceAsStream("/dbtls/schemas/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the class path: " + resource);
      }
      JsonNode document = JSON.readTree(in);
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              SpecificationVersion.DRAFT_7,
              b -> b.schemaLoader(new SchemaLoader(List.of(), List.of())));
      JsonNode start = document;
      if (!pointer.isEmpty()) {
        // a root that refers to the one definition, with the document's definitions beside it
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set("$schema", document.get("$schema"));
        wrapper.put("$ref", "#" + pointer);
        wrapper.set("definitions", document.get("definitions"));
        start = wrapper;
      }
      Schema schema = registry.getSchema(SchemaLocation.of("dbtls:" + resource), start);
      schema.initializeValidators();
      return new Loaded(document, schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
