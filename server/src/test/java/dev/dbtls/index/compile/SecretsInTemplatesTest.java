package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.Node;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.testing.Fixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No credential of a profile is visible to Jinja, whatever its key, alias, nesting or place in a
 * URL, and secret env vars stay out of compiled SQL (dbt's rule); what dbt does show of {@code
 * target} stays.
 */
class SecretsInTemplatesTest {
  private static final String PROFILES =
      """
      shop:
        target: dev
        outputs:
          dev:
            type: postgres
            host: db.internal
            user: analyst
            pass: CANARY_PASS
            dbname: shop
            schema: analytics
            port: 5432
            keepalives_idle: 5
            settings:
              s3_secret_access_key: CANARY_S3
              s3_region: eu-west-1
              nested: [{api_token: CANARY_TOKEN, kept: yes}]
            url: "jdbc:postgresql://db.internal/shop?user=analyst&password=CANARY_URL&ssl=true"
            dsn: "postgres://analyst:CANARY_DSN@db.internal:5432/shop"
            connection_string: "Server=x;AccountKey=CANARY_AZURE;Database=y"
            private_key_passphrase: CANARY_KEY
      """;

  private static CompiledNode compile(String model, Map<String, String> env) {
    Fixture f =
        Fixture.of(
            "-- file: dbt_project.yml\nname: shop\nprofile: shop\n-- file: profiles.yml\n"
                + PROFILES
                + "-- file: models/a.sql\n"
                + model);
    java.util.Map<String, String> e = new java.util.HashMap<>(env);
    e.put("HOME", "/x");
    ProjectSnapshot s = f.snapshot(null, Map.of(), e);
    Node a = s.manifest().nodes().get("model.shop.a");
    return new NodeCompiler(s).compile(a);
  }

  @Test
  void noCredentialReachesCompiledSqlWhateverItsKeyOrPlace() {
    CompiledNode c =
        compile(
            """
        select '{{ target.get('pass') }}' as a, '{{ target.pass }}' as b,
          '{{ target.settings.s3_secret_access_key }}' as c, '{{ target.settings }}' as d,
          '{{ target.url }}' as e, '{{ target.dsn }}' as f, '{{ target.connection_string }}' as g,
          '{{ target.private_key_passphrase }}' as h, '{{ target }}' as i,
          '{{ target.items() | list }}' as j, '{{ target.keys() | list }}' as k
        """,
            Map.of());
    String sql = c.sql();
    assertFalse(sql.contains("CANARY"), sql);
    // what dbt shows stays, and URLs keep their shape with the secret hidden
    assertTrue(
        sql.contains("jdbc:postgresql://db.internal/shop?user=analyst&password=****&ssl=true"),
        sql);
    assertTrue(sql.contains("postgres://analyst:****@db.internal:5432/shop"), sql);
    assertTrue(sql.contains("Server=x;AccountKey=****;Database=y"), sql);
    assertTrue(sql.contains("eu-west-1"), sql);
    assertTrue(sql.contains("'kept'") || sql.contains("kept"), sql);
  }

  @Test
  void whatDbtShowsOfTheTargetIsStillThere() {
    CompiledNode c =
        compile(
            """
        select '{{ target.name }}|{{ target.type }}|{{ target.schema }}|{{ target.database }}|{{ target.host }}|{{ target.user }}|{{ target.port }}|{{ target.threads }}|{{ target.profile_name }}' as t
        """,
            Map.of());
    assertTrue(
        c.sql().contains("dev|postgres|analytics|shop|db.internal|analyst|5432|1|shop"), c.sql());
  }

  @Test
  void secretEnvVarsAreRefusedInModelsAsDbtDoes() {
    CompiledNode c =
        compile(
            "select '{{ env_var('DBT_ENV_SECRET_TOKEN') }}' as t, '{{ env_var('PLAIN') }}' as p\n",
            Map.of("DBT_ENV_SECRET_TOKEN", "CANARY_ENV", "PLAIN", "visible"));
    assertFalse(c.sql() != null && c.sql().contains("CANARY"), String.valueOf(c.sql()));
    assertEquals(
        List.of(ProblemCode.ENV_VAR_SECRET),
        c.problems().stream()
            .filter(p -> p.code() == ProblemCode.ENV_VAR_SECRET)
            .map(p -> p.code())
            .toList());
    assertTrue(
        c.problems().stream().noneMatch(p -> p.message().contains("CANARY")),
        c.problems().toString());
  }

  @Test
  void oneRenderCannotChangeTheTargetTheNextOneSees() {
    Fixture f =
        Fixture.of(
            "-- file: dbt_project.yml\nname: shop\nprofile: shop\n-- file: profiles.yml\n"
                + PROFILES
                + "-- file: models/a.sql\n"
                + "{% do target.update({'schema': 'changed'}) %}"
                + "{% do target.settings.update({'s3_region': 'changed'}) %}select 1\n"
                + "-- file: models/b.sql\n"
                + "select '{{ target.schema }}' as s, '{{ target.settings.s3_region }}' as r\n");
    ProjectSnapshot s = f.snapshot(null, Map.of(), Map.of("HOME", "/x"));
    NodeCompiler compiler = new NodeCompiler(s);
    compiler.compile(s.manifest().nodes().get("model.shop.a"));
    CompiledNode b = compiler.compile(s.manifest().nodes().get("model.shop.b"));
    assertEquals("select 'analytics' as s, 'eu-west-1' as r", b.sql().strip());
  }
}
