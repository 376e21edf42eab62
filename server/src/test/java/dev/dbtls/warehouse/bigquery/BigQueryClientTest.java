package dev.dbtls.warehouse.bigquery;

import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.QueryJobConfiguration;
import dev.dbtls.warehouse.BigQuerySettings;
import dev.dbtls.warehouse.GoogleKeys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt-bigquery's profile, every sign-in method, mapped onto Google's client library: checked on the
 * library's own credential, option and job objects, never on strings. No call reaches Google.
 */
class BigQueryClientTest {
  @TempDir Path dir;

  private BigQuerySettings settings(Object... fields) {
    Object[] all = new Object[fields.length + 6];
    System.arraycopy(
        new Object[] {"type", "bigquery", "project", "acme-analytics", "dataset", "dbt_ana"},
        0,
        all,
        0,
        6);
    System.arraycopy(fields, 0, all, 6, fields.length);
    return BigQuerySettings.of(target("dev", all), dir);
  }

  @Test
  void serviceAccountKeyfileIsTheAccountsCredentialsWithDbtsScopes() throws Exception {
    Path keyfile = dir.resolve("keys/runner.json");
    Files.createDirectories(keyfile.getParent());
    Files.writeString(
        keyfile,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(GoogleKeys.serviceAccount()));
    BigQuerySettings s = settings("method", "service-account", "keyfile", "keys/runner.json");
    ServiceAccountCredentials c =
        assertInstanceOf(ServiceAccountCredentials.class, BigQueryClient.credentials(s));
    assertEquals("dbt-runner@acme-analytics.iam.gserviceaccount.com", c.getClientEmail());
    assertEquals("0123456789abcdef", c.getPrivateKeyId());
    assertEquals(BigQuerySettings.DEFAULT_SCOPES, List.copyOf(c.getScopes()));
  }

  @Test
  void serviceAccountJsonInlineAndTheProfilesOwnScopes() throws Exception {
    BigQuerySettings s =
        settings(
            "method",
            "service-account-json",
            "keyfile_json",
            GoogleKeys.serviceAccount(),
            "scopes",
            List.of("https://www.googleapis.com/auth/bigquery"));
    ServiceAccountCredentials c =
        assertInstanceOf(ServiceAccountCredentials.class, BigQueryClient.credentials(s));
    assertEquals("acme-analytics", c.getProjectId());
    assertEquals(List.of("https://www.googleapis.com/auth/bigquery"), List.copyOf(c.getScopes()));
  }

  @Test
  void oauthSecretsWithARefreshTokenAreUserCredentials() throws Exception {
    BigQuerySettings s =
        settings(
            "method", "oauth-secrets",
            "refresh_token", "1//refresh-me",
            "client_id", "client-1.apps.googleusercontent.com",
            "client_secret", "shh-client-secret",
            "token_uri", "https://oauth2.example.test/token");
    UserCredentials c = assertInstanceOf(UserCredentials.class, BigQueryClient.credentials(s));
    assertEquals("client-1.apps.googleusercontent.com", c.getClientId());
    assertEquals("shh-client-secret", c.getClientSecret());
    assertEquals("1//refresh-me", c.getRefreshToken());
    assertEquals(
        URI.create("https://oauth2.example.test/token"), c.toBuilder().getTokenServerUri());
  }

  @Test
  void oauthSecretsWithAnAccessTokenUseItAsItIs() throws Exception {
    BigQuerySettings s = settings("method", "oauth-secrets", "token", "ya29.a-token");
    GoogleCredentials c = BigQueryClient.credentials(s);
    assertEquals("ya29.a-token", c.getAccessToken().getTokenValue());
  }

  @Test
  void impersonationWrapsTheSignedInCredentials() throws Exception {
    BigQuerySettings s =
        settings(
            "method",
            "service-account-json",
            "keyfile_json",
            GoogleKeys.serviceAccount(),
            "impersonate_service_account",
            "dbt-prod@acme-analytics.iam.gserviceaccount.com");
    ImpersonatedCredentials c =
        assertInstanceOf(ImpersonatedCredentials.class, BigQueryClient.credentials(s));
    assertEquals("dbt-prod@acme-analytics.iam.gserviceaccount.com", c.getAccount());
    assertInstanceOf(ServiceAccountCredentials.class, c.getSourceCredentials());
  }

  @Test
  void optionsRunJobsInTheExecutionProjectAndLocation() throws Exception {
    BigQuerySettings s =
        settings(
            "method", "oauth-secrets",
            "token", "ya29.a-token",
            "execution_project", "acme-billing",
            "location", "EU",
            "connect_timeout", 7);
    BigQueryOptions o = BigQueryClient.options(s, BigQueryClient.credentials(s));
    assertEquals("acme-billing", o.getProjectId());
    assertEquals("EU", o.getLocation());
    com.google.cloud.http.HttpTransportOptions t =
        assertInstanceOf(com.google.cloud.http.HttpTransportOptions.class, o.getTransportOptions());
    assertEquals(7000, t.getConnectTimeout());
    assertEquals(3, o.getRetrySettings().getMaxAttempts());
    assertEquals(java.time.Duration.ofSeconds(14), o.getRetrySettings().getTotalTimeoutDuration());
  }

  @Test
  void jobsAreStandardSqlInTheTargetDatasetWithTheProfilesLimits() {
    BigQuerySettings s =
        settings(
            "method",
            "oauth",
            "priority",
            "batch",
            "maximum_bytes_billed",
            1_000_000_000L,
            "job_execution_timeout_seconds",
            300);
    QueryJobConfiguration run = BigQueryClient.job(s, "select 1", false, true);
    assertFalse(run.useLegacySql());
    assertFalse(Boolean.TRUE.equals(run.dryRun()));
    assertEquals(DatasetId.of("acme-analytics", "dbt_ana"), run.getDefaultDataset());
    assertEquals(QueryJobConfiguration.Priority.BATCH, run.getPriority());
    assertEquals(1_000_000_000L, run.getMaximumBytesBilled());
    assertEquals(300_000L, run.getJobTimeoutMs());
    assertTrue(run.useQueryCache());

    QueryJobConfiguration dry = BigQueryClient.job(s, "select 1", true, false);
    assertTrue(dry.dryRun());
    assertFalse(dry.useQueryCache());
    assertNull(dry.getJobTimeoutMs());

    QueryJobConfiguration plain = BigQueryClient.job(settings(), "select 1", false, true);
    assertEquals(QueryJobConfiguration.Priority.INTERACTIVE, plain.getPriority());
    assertNull(plain.getMaximumBytesBilled());
  }
}
