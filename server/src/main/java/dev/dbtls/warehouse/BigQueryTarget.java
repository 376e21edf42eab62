package dev.dbtls.warehouse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * dbt-bigquery's target, read as its profile documents it: {@code method} oauth (application
 * default credentials), service-account ({@code keyfile}), service-account-json ({@code
 * keyfile_json}) or oauth-secrets ({@code token}, or {@code refresh_token} with {@code client_id},
 * {@code client_secret} and {@code token_uri}); project (or database), dataset (or schema),
 * location, execution_project, impersonate_service_account, scopes, job_execution_timeout_seconds,
 * maximum_bytes_billed, priority. BigQuery has no JDBC driver to bundle: the target opens an engine
 * over Google's client library ({@link ClientEngine}), and the spec only carries the names and
 * secrets that messages need.
 */
final class BigQueryTarget {
  private static final List<String> METHODS =
      List.of("oauth", "service-account", "service-account-json", "oauth-secrets");

  private BigQueryTarget() {}

  /** The target's settings; each missing or wrong field is one sentence naming it. */
  static BigQuerySettings settings(TargetFields f) {
    String method = f.stringOr("method", "oauth").toLowerCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException(
          "'method: "
              + method
              + "' is not a dbt-bigquery sign-in method (oauth, service-account,"
              + " service-account-json or oauth-secrets)");
    }
    String project = f.string("project", "database");
    if (project == null) {
      throw new IllegalArgumentException(
          "needs 'project' (the Google Cloud project id whose datasets hold the models)");
    }
    String dataset = f.string("dataset", "schema");
    if (dataset == null) {
      throw new IllegalArgumentException("needs 'dataset' (or 'schema'): the target's dataset");
    }
    Path keyfile = null;
    String keyfileJson = null;
    String token = null;
    String refreshToken = null;
    String clientId = null;
    String clientSecret = null;
    switch (method) {
      case "service-account" -> {
        String k = f.string("keyfile");
        if (k == null) {
          throw new IllegalArgumentException(
              "'method: service-account' needs 'keyfile' (the path of the service account's JSON"
                  + " key)");
        }
        keyfile = f.path(k);
        if (!Files.isRegularFile(keyfile)) {
          throw new IllegalArgumentException("the keyfile " + keyfile + " does not exist");
        }
      }
      case "service-account-json" -> keyfileJson = keyfileJson(f);
      case "oauth-secrets" -> {
        token = f.string("token");
        refreshToken = f.string("refresh_token");
        clientId = f.string("client_id");
        clientSecret = f.string("client_secret");
        if (token == null && (refreshToken == null || clientId == null || clientSecret == null)) {
          throw new IllegalArgumentException(
              "'method: oauth-secrets' needs 'token', or 'refresh_token' with 'client_id',"
                  + " 'client_secret' and 'token_uri'");
        }
      }
      default -> {}
    }
    List<String> scopes = new ArrayList<>();
    f.list("scopes").forEach(s -> scopes.add(String.valueOf(s)));
    String priority = f.stringOr("priority", "interactive").toLowerCase(Locale.ROOT);
    if (!priority.equals("interactive") && !priority.equals("batch")) {
      throw new IllegalArgumentException(
          "'priority' is interactive or batch, not '" + priority + "'");
    }
    long timeout =
        f.string("job_execution_timeout_seconds") != null
            ? f.integer("job_execution_timeout_seconds", 0)
            : f.integer("timeout_seconds", 0);
    return new BigQuerySettings(
        f.target().name(),
        method,
        project,
        f.string("execution_project"),
        dataset,
        f.string("location"),
        keyfile,
        keyfileJson,
        token,
        refreshToken,
        clientId,
        clientSecret,
        f.stringOr("token_uri", "https://oauth2.googleapis.com/token"),
        f.string("impersonate_service_account"),
        scopes.isEmpty() ? BigQuerySettings.DEFAULT_SCOPES : List.copyOf(scopes),
        Math.max(0, timeout),
        bytes(f),
        priority.equals("batch"),
        f.integer("connect_timeout", 10) * 1000);
  }

  /** The spec that messages and the pool-less warehouse read: names, place and secrets. */
  static ConnectionSpec spec(BigQuerySettings s, AutoCloseable resources) {
    List<String> secrets = new ArrayList<>();
    for (String v : new String[] {s.keyfileJson(), s.token(), s.refreshToken(), s.clientSecret()}) {
      if (v != null) {
        secrets.add(v);
      }
    }
    String key = privateKey(s.keyfileJson());
    if (key != null) {
      secrets.add(key);
      secrets.add(key.replace("\n", "\\n"));
    }
    return new ConnectionSpec(
        "bigquery",
        "bigquery",
        s.targetName(),
        s.where(),
        s.impersonate(),
        null,
        null,
        new Properties(),
        List.of(),
        ConnectionSpec.ReadOnly.NONE,
        false,
        0,
        0,
        s.connectTimeoutMs(),
        List.copyOf(secrets),
        resources);
  }

  private static String keyfileJson(TargetFields f) {
    Object v = f.target().fields().get("keyfile_json");
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      try {
        return new ObjectMapper().writeValueAsString(m);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("'keyfile_json' cannot be read as JSON");
      }
    }
    if (v != null && String.valueOf(v).trim().startsWith("{")) {
      return String.valueOf(v);
    }
    throw new IllegalArgumentException(
        "'method: service-account-json' needs 'keyfile_json' (the service account's key: type,"
            + " project_id, private_key_id, private_key, client_email, …)");
  }

  private static String privateKey(String json) {
    if (json == null) {
      return null;
    }
    try {
      var node = new ObjectMapper().readTree(json).get("private_key");
      return node == null ? null : node.asText();
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** maximum_bytes_billed, as a number of bytes (0: none). */
  private static long bytes(TargetFields f) {
    Object v = f.target().fields().get("maximum_bytes_billed");
    if (v == null) {
      return 0;
    }
    try {
      return Math.max(
          0, v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'maximum_bytes_billed' must be a number of bytes, not '" + v + "'");
    }
  }
}
