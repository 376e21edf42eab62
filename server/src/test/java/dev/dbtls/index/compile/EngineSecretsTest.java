package dev.dbtls.index.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dbtls.index.Node;
import dev.dbtls.testing.Fixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every credential field of the Trino, Redshift, Snowflake, BigQuery and Databricks profiles (as
 * their adapters name them) stays out of templates: a model that prints the whole {@code target}
 * shows none of the canaries, and what dbt does show (account, user, role, warehouse) stays.
 */
class EngineSecretsTest {
  private static String compiled(String type, String fields) {
    Fixture f =
        Fixture.of(
            "-- file: dbt_project.yml\nname: shop\nprofile: shop\n-- file: profiles.yml\n"
                + "shop:\n  target: dev\n  outputs:\n    dev:\n      type: "
                + type
                + "\n"
                + fields.indent(6)
                + "-- file: models/a.sql\nselect '{{ target }}' as t\n");
    ProjectSnapshot s = f.snapshot(null, Map.of(), Map.of("HOME", "/x"));
    Node a = s.manifest().nodes().get("model.shop.a");
    return new NodeCompiler(s).compile(a).sql();
  }

  @Test
  void trino() {
    String sql =
        compiled(
            "trino",
            """
            method: jwt
            host: trino.example.com
            user: ana
            database: hive
            schema: dbt
            password: CANARY_PW
            jwt_token: CANARY_JWT
            client_private_key: /keys/CANARY_KEYPATH.pem
            """);
    assertFalse(sql.contains("CANARY"), sql);
    assertEquals(true, sql.contains("trino.example.com"), sql);
  }

  @Test
  void redshift() {
    String sql =
        compiled(
            "redshift",
            """
            method: iam
            host: c.example.redshift.amazonaws.com
            user: ana
            dbname: dev
            schema: dbt
            password: CANARY_PW
            access_key_id: AKIAEXAMPLE
            secret_access_key: CANARY_SECRET
            """);
    assertFalse(sql.contains("CANARY"), sql);
  }

  @Test
  void snowflake() {
    String sql =
        compiled(
            "snowflake",
            """
            account: xy12345
            user: ana
            role: transformer
            warehouse: transforming
            database: analytics
            schema: dbt
            password: CANARY_PW
            token: CANARY_TOKEN
            private_key: CANARY_INLINE_KEY
            private_key_passphrase: CANARY_PHRASE
            oauth_client_secret: CANARY_CLIENT
            """);
    assertFalse(sql.contains("CANARY"), sql);
    assertEquals(true, sql.contains("transforming"), sql);
  }

  @Test
  void bigQuery() {
    String sql =
        compiled(
            "bigquery",
            """
            method: oauth-secrets
            project: acme-analytics
            dataset: dbt_ana
            location: EU
            token: CANARY_TOKEN
            refresh_token: CANARY_REFRESH
            client_id: the-client
            client_secret: CANARY_CLIENT
            keyfile: /keys/CANARY_KEYFILE.json
            keyfile_json:
              type: service_account
              private_key: CANARY_PEM
              private_key_id: CANARY_KEY_ID
            """);
    assertFalse(sql.contains("CANARY"), sql);
    assertEquals(true, sql.contains("acme-analytics"), sql);
  }

  @Test
  void databricks() {
    String sql =
        compiled(
            "databricks",
            """
            host: adb-1.azuredatabricks.net
            http_path: /sql/1.0/warehouses/abc
            catalog: main
            schema: dbt_ana
            token: CANARY_TOKEN
            client_id: the-client
            client_secret: CANARY_CLIENT
            azure_client_secret: CANARY_AZURE
            """);
    assertFalse(sql.contains("CANARY"), sql);
    assertEquals(true, sql.contains("dbt_ana"), sql);
  }
}
