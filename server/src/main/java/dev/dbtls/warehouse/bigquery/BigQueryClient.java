package dev.dbtls.warehouse.bigquery;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ImpersonatedCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.http.HttpTransportOptions;
import dev.dbtls.warehouse.BigQuerySettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

/**
 * A dbt-bigquery target mapped onto the client library's own objects: its credentials per sign-in
 * method, the client's options, and each job's configuration. No network call is made here.
 */
final class BigQueryClient {
  /** One hour, the longest an impersonated token lives without an organisation policy. */
  private static final int IMPERSONATION_SECONDS = 3600;

  private BigQueryClient() {}

  /**
   * The credentials the profile's method names. Application default credentials are looked up as
   * gcloud and the client libraries do ({@code GOOGLE_APPLICATION_CREDENTIALS}, gcloud's file, the
   * metadata server).
   *
   * @throws IOException with the library's reason when they cannot be made
   */
  static GoogleCredentials credentials(BigQuerySettings s) throws IOException {
    GoogleCredentials c =
        switch (s.method()) {
          case "service-account" -> {
            try (InputStream in = Files.newInputStream(s.keyfile())) {
              yield ServiceAccountCredentials.fromStream(in);
            }
          }
          case "service-account-json" ->
              ServiceAccountCredentials.fromStream(
                  new ByteArrayInputStream(s.keyfileJson().getBytes(StandardCharsets.UTF_8)));
          case "oauth-secrets" ->
              s.refreshToken() != null
                  ? UserCredentials.newBuilder()
                      .setClientId(s.clientId())
                      .setClientSecret(s.clientSecret())
                      .setRefreshToken(s.refreshToken())
                      .setTokenServerUri(URI.create(s.tokenUri()))
                      .build()
                  : GoogleCredentials.create(new AccessToken(s.token(), null));
          default -> GoogleCredentials.getApplicationDefault();
        };
    if (c instanceof ServiceAccountCredentials sa) {
      // the client's own retries (bounded below) cover the token request too: the library's
      // default retries on top of them kept a user waiting ~17 s for an unreachable endpoint
      c = sa.createWithCustomRetryStrategy(false);
    }
    if (c.createScopedRequired()) {
      c = c.createScoped(s.scopes());
    }
    if (s.impersonate() != null) {
      c =
          ImpersonatedCredentials.create(
              c, s.impersonate(), null, s.scopes(), IMPERSONATION_SECONDS);
    }
    return c;
  }

  /**
   * The client's options: the job project, the location, timeouts on every HTTP call, and retries
   * bounded by the connect timeout.
   */
  static BigQueryOptions options(BigQuerySettings s, GoogleCredentials credentials) {
    BigQueryOptions.Builder b =
        BigQueryOptions.newBuilder()
            .setProjectId(s.jobProject())
            .setCredentials(credentials)
            .setTransportOptions(
                HttpTransportOptions.newBuilder()
                    .setConnectTimeout(s.connectTimeoutMs())
                    .setReadTimeout(Math.max(s.connectTimeoutMs(), 60_000))
                    .build())
            // a transient error is tried again, but a user waits: three tries within twice the
            // connect timeout, not the library's default of six within fifty seconds
            .setRetrySettings(
                ServiceOptions.getDefaultRetrySettings().toBuilder()
                    .setMaxAttempts(3)
                    .setTotalTimeoutDuration(Duration.ofMillis(2L * s.connectTimeoutMs()))
                    .build());
    if (s.location() != null) {
      b.setLocation(s.location());
    }
    return b.build();
  }

  /**
   * A query job as the profile configures it: standard SQL, the target's dataset for unqualified
   * names, its priority, byte limit and time limit. {@code dryRun} plans without running; {@code
   * cache} false asks BigQuery not to answer from its result cache (a benchmark's runs).
   */
  static QueryJobConfiguration job(BigQuerySettings s, String sql, boolean dryRun, boolean cache) {
    QueryJobConfiguration.Builder b =
        QueryJobConfiguration.newBuilder(sql)
            .setUseLegacySql(false)
            .setDryRun(dryRun)
            .setUseQueryCache(cache)
            .setDefaultDataset(DatasetId.of(s.project(), s.dataset()))
            .setPriority(
                s.batch()
                    ? QueryJobConfiguration.Priority.BATCH
                    : QueryJobConfiguration.Priority.INTERACTIVE)
            .setLabels(Map.of("dbtls", "preview"));
    if (s.maximumBytesBilled() > 0) {
      b.setMaximumBytesBilled(s.maximumBytesBilled());
    }
    if (s.jobTimeoutSeconds() > 0 && !dryRun) {
      b.setJobTimeoutMs(s.jobTimeoutSeconds() * 1000);
    }
    return b.build();
  }
}
