package dev.dbtls.cli;

import dev.dbtls.project.DbtProject;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.ProjectInputs;
import dev.dbtls.testing.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A variant of a project that carries every deprecation of the strict spec that has a fix, written
 * over a copy of it: dbt_project.yml's scalar {@code +configs} without their {@code +}, renamed
 * path keys, {@code log-path}, {@code clean-targets} with {@code dbt_modules}, {@code
 * warn_error_options: include}; a redirected hub package; and a model, sources and macro file
 * written the way dbt 1.9 projects did (configs at the top of entries, test arguments beside their
 * configs, a key written twice, a stray {@code {% endmacro %}}).
 */
final class StrictVariant {
  private StrictVariant() {}

  /** The codes a variant carries, each with a fix. */
  static final Set<ProblemCode> FIXABLE =
      EnumSet.of(
          ProblemCode.PROJECT_CONFIG_SOURCE_PATHS,
          ProblemCode.PROJECT_CONFIG_DATA_PATHS,
          ProblemCode.PROJECT_CONFIG_LOG_PATH,
          ProblemCode.DUPLICATE_YAML_KEYS_DEPRECATION,
          ProblemCode.PROPERTY_MOVED_TO_CONFIG_DEPRECATION,
          ProblemCode.MISSING_ARGUMENTS_PROPERTY_IN_GENERIC_TEST_DEPRECATION,
          ProblemCode.MISSING_PLUS_PREFIX_IN_CONFIG_DEPRECATION,
          ProblemCode.UNEXPECTED_JINJA_BLOCK_DEPRECATION,
          ProblemCode.WEO_INCLUDE_EXCLUDE_DEPRECATION,
          ProblemCode.INSTALL_PACKAGES_PATH,
          ProblemCode.PACKAGE_REDIRECT,
          ProblemCode.MF_CUMULATIVE_TYPE_PARAMS_DEPRECATION);

  private static final Pattern PLUS_SCALAR =
      Pattern.compile("(?m)^(\\s+)\\+([a-z_]+):([ \\t]+)(?![#\\s])(.+)$");

  static void write(Path dir) throws IOException {
    ProjectInputs inputs = ProjectInputs.load(dir, Fixture.profilesIn(dir), FileSource.DISK);
    String models = inputs.root().modelPaths().get(0);
    String macros = inputs.root().macroPaths().get(0);
    Path projectFile = dir.resolve(DbtProject.FILE);
    String p = Files.readString(projectFile);
    Matcher m = PLUS_SCALAR.matcher(p);
    p =
        m.replaceAll(
            r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + ":" + r.group(3) + r.group(4)));
    p = p.replaceFirst("(?m)^model-paths:", "source-paths:");
    p = p.replaceFirst("(?m)^seed-paths:", "data-paths:");
    if (p.contains("\nclean-targets:") && !p.contains("\nclean-targets:\n")) {
      p = p.replaceFirst("(?m)^clean-targets:.*$", "clean-targets: [\"target\", \"dbt_modules\"]");
    } else if (!p.contains("\nclean-targets:")) {
      p += "\nclean-targets: [target, \"dbt_modules\"]\n";
    }
    p += "\nlog-path: \"out/logs\"\n";
    if (!p.contains("\nflags:")) {
      p += "flags:\n  warn_error_options:\n    include: [NoNodesForSelectionCriteria]\n";
    }
    Files.writeString(projectFile, p);

    Path packages = dir.resolve("packages.yml");
    if (Files.exists(packages)) {
      String text =
          Files.readString(packages).replace("dbt-labs/dbt_utils", "fishtown-analytics/dbt_utils");
      if (!text.contains("fishtown-analytics/")) {
        text += "  - package: fishtown-analytics/codegen\n    version: 0.4.0\n";
      }
      Files.writeString(packages, text);
    } else {
      Files.writeString(
          packages, "packages:\n  - package: fishtown-analytics/codegen\n    version: 0.4.0\n");
    }

    Path modelDir = Files.createDirectories(dir.resolve(models).resolve("strict_variant"));
    Files.writeString(
        modelDir.resolve("strict_variant.sql"),
        """
        {{ config(materialized='view') }}
        select {{ strict_variant_cents(100) }} as amount, 1 as id, 'a' as status
        {#- columns' meta and tags, read where the fix moves them (under config:) -#}
        {%- for col in model.columns.values() if 'pii' in col.meta or col.tags %}
          , '{{ col.meta }} {{ col.tags }}' as described_{{ col.name }}
        {%- endfor %}
        from {{ source('strict_raw', 'events') }}
        """);
    Files.writeString(
        modelDir.resolve("strict_variant.yml"),
        """
        version: 2
        sources:
          - name: strict_raw
            schema: raw
            freshness:
              warn_after: {count: 12, period: hour}
            loaded_at_field: _loaded_at
            tables:
              - name: events
                meta: {owner: a}
                columns:
                  - name: id
                    tags: [pk]
        models:
          - name: strict_variant
            description: first
            meta:
              owner: finance  # who to ask
            tags: [strict]
            docs:
              show: true
            description: the model dbt 1.9 wrote
            columns:
              - name: id
                meta: {pii: false}
                data_tests:
                  - unique
                  - not_null:
                      severity: warn
                  - relationships: {to: ref('strict_variant'), field: id}
              - name: status
                tags: [state]
                data_tests:
                  - accepted_values:
                      values: ['a', 'b']
                      where: "1 = 1"
            data_tests:
              - name: strict_variant_ids
                test_name: accepted_values
                column_name: id
                values: [1, 2]
        metrics:
          - name: strict_variant_amount_7d
            label: Amount, 7 days
            type: cumulative
            type_params:
              measure: amount
              window: 7 days
        """);
    Path macroDir = Files.createDirectories(dir.resolve(macros));
    Files.writeString(
        macroDir.resolve("strict_variant.sql"),
        """
        {% endmacro %}
        {% macro strict_variant_cents(c) %}({{ c }} / 100){% endmacro %}
        """);
  }
}
