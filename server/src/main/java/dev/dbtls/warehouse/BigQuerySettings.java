package dev.dbtls.warehouse;

import java.nio.file.Path;
import java.util.List;

/**
 * A dbt-bigquery target as its profile documents it, read and checked by {@link BigQueryTarget}:
 * what the BigQuery engine ({@code warehouse.bigquery}, loaded with Google's client library by its
 * own class loader) needs to sign in and run jobs. Plain values only, so that both class loaders
 * see the one type. Never printed: it holds credentials.
 *
 * @param method oauth (application default credentials), service-account (a key file),
 *     service-account-json (the key inline), oauth-secrets (a token or a refresh token)
 * @param project the project whose datasets models are in
 * @param executionProject the project that runs (and pays for) the jobs; {@code project} if unset
 * @param dataset the target's dataset (dbt's schema), the default for unqualified names
 * @param location where jobs run (US, EU, a region); null lets BigQuery choose
 * @param keyfile service-account: the key file
 * @param keyfileJson service-account-json: the key as JSON text
 * @param token oauth-secrets: an access token
 * @param refreshToken oauth-secrets: a refresh token, with client id and secret and token URI
 * @param impersonate a service account to act as, signed in with the credentials above
 * @param scopes OAuth scopes asked for (dbt's defaults unless the profile lists its own)
 * @param jobTimeoutSeconds job_execution_timeout_seconds; 0: none
 * @param maximumBytesBilled a job that would bill more fails; 0: no limit
 * @param batch priority batch instead of interactive
 * @param connectTimeoutMs how long to wait for Google's endpoints to answer
 */
public record BigQuerySettings(
    String targetName,
    String method,
    String project,
    String executionProject,
    String dataset,
    String location,
    Path keyfile,
    String keyfileJson,
    String token,
    String refreshToken,
    String clientId,
    String clientSecret,
    String tokenUri,
    String impersonate,
    List<String> scopes,
    long jobTimeoutSeconds,
    long maximumBytesBilled,
    boolean batch,
    int connectTimeoutMs) {

  /** dbt-bigquery's scopes when the profile names none. */
  public static final List<String> DEFAULT_SCOPES =
      List.of(
          "https://www.googleapis.com/auth/bigquery",
          "https://www.googleapis.com/auth/cloud-platform",
          "https://www.googleapis.com/auth/drive");

  /**
   * The settings of a bigquery target, relative paths read from {@code projectDir}.
   *
   * @throws IllegalArgumentException one sentence naming the field that is missing or wrong
   */
  public static BigQuerySettings of(dev.dbtls.project.Target target, Path projectDir) {
    return BigQueryTarget.settings(new TargetFields(target, projectDir));
  }

  /** The project that runs the jobs. */
  public String jobProject() {
    return executionProject != null ? executionProject : project;
  }

  /** Method, project and dataset only: the rest holds credentials. */
  @Override
  public String toString() {
    return "bigquery target '" + targetName + "' (" + method + ", " + where() + ")";
  }

  /** project.dataset and the location, for messages. */
  public String where() {
    return project
        + (dataset != null ? "." + dataset : "")
        + (location != null ? " in " + location : "");
  }
}
