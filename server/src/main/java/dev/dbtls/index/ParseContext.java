package dev.dbtls.index;

import dev.dbtls.project.Problem;
import dev.dbtls.project.ProjectFile;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.project.properties.PropertyFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the parsers of one build (or one incremental update) share: the inputs, the property index
 * they fill and read, configs, the scan cache, and the problems they find.
 */
final class ParseContext {
  final ProjectInputs inputs;
  final ParseCache cache;
  final YamlRendering yaml;
  final ManifestBuilder.DynamicParse dynamicParse;
  final ManifestBuilder.RelationNamer namer;
  final PropertyIndex properties;
  final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
  final ProjectConfigs configs;

  ParseContext(
      ProjectInputs inputs,
      ParseCache cache,
      YamlRendering yaml,
      ManifestBuilder.DynamicParse dynamicParse,
      ManifestBuilder.RelationNamer namer) {
    this(inputs, cache, yaml, dynamicParse, namer, new PropertyIndex());
  }

  /** A context whose property index is {@code properties}, already filled (an update's). */
  ParseContext(
      ProjectInputs inputs,
      ParseCache cache,
      YamlRendering yaml,
      ManifestBuilder.DynamicParse dynamicParse,
      ManifestBuilder.RelationNamer namer,
      PropertyIndex properties) {
    this.properties = properties;
    this.inputs = inputs;
    this.cache = cache;
    this.yaml = yaml;
    this.dynamicParse = dynamicParse;
    this.namer = namer;
    this.configs = new ProjectConfigs(inputs, yaml, problems);
  }

  /** A property file into the index, with the folders between its resource path and it. */
  void addProperties(ProjectFile f, PropertyFile file) {
    addProperties(properties, inputs, f, file);
  }

  static void addProperties(
      PropertyIndex properties, ProjectInputs inputs, ProjectFile f, PropertyFile file) {
    properties.add(
        f.packageName(),
        file,
        ResourcePath.of(f.relativePath(), ResourcePath.all(inputs.project(f.packageName()))),
        f.relativePath());
  }

  /** With {@code -Ddbtls.timing=true}, how long each phase took, on stderr. */
  void phase(String name) {
    dev.dbtls.project.Timing.mark(name);
  }
}
