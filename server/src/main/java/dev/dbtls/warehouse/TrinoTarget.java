package dev.dbtls.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * dbt-trino's target, read as its profile documents it, for Trino's own JDBC driver (bundled,
 * loaded on first use): {@code method} none, ldap, jwt, certificate, kerberos, oauth or
 * oauth_console; host, port, user, {@code database} (or {@code catalog}), schema, http_scheme,
 * cert, session_properties, roles, client_tags, timezone, impersonation_user.
 */
final class TrinoTarget {
  static final String DRIVER = "io.trino.jdbc.TrinoDriver";

  private TrinoTarget() {}

  static ConnectionSpec spec(TargetFields f) {
    String method = f.stringOr("method", "none").toLowerCase(Locale.ROOT);
    String host = required(f, "host", "the coordinator's host name");
    int port = f.integer("port", 443);
    String catalog = f.string("database", "catalog");
    String schema = f.string("schema");
    Properties props = new Properties();
    List<String> secrets = new ArrayList<>();
    String user = f.string("user", "username");
    boolean https = !method.equals("none");
    switch (method) {
      case "none" -> {
        require(user, "user", "none");
        https = f.stringOr("http_scheme", "http").equalsIgnoreCase("https");
      }
      case "ldap" -> {
        require(user, "user", "ldap");
        String password = required(f, "password", "the LDAP password (method: ldap)");
        props.setProperty("password", password);
        secrets.add(password);
        String impersonated = f.string("impersonation_user");
        if (impersonated != null) {
          props.setProperty("sessionUser", impersonated);
        }
      }
      case "jwt" -> {
        String token = required(f, "jwt_token", "the JSON web token (method: jwt)");
        props.setProperty("accessToken", token);
        secrets.add(token);
      }
      case "certificate" -> {
        Path cert = f.path(required(f, "client_certificate", "the client certificate's file"));
        Path key = f.path(required(f, "client_private_key", "the client private key's file"));
        props.setProperty("SSLKeyStorePath", pem(cert, key).toString());
        props.setProperty("SSLKeyStoreType", "PEM");
      }
      case "kerberos" -> {
        require(user, "user", "kerberos");
        f.copy(props, "keytab", "KerberosKeytabPath");
        f.copy(props, "principal", "KerberosPrincipal");
        f.copy(props, "krb5_config", "KerberosConfigPath");
        props.setProperty("KerberosRemoteServiceName", f.stringOr("service_name", "trino"));
        props.setProperty(
            "KerberosUseCanonicalHostname", String.valueOf(f.string("hostname_override") == null));
      }
      case "oauth", "oauth_console" -> {
        // the browser opens for the identity provider; the driver must never print the link on
        // stdout, which is the language server's channel
        props.setProperty("externalAuthentication", "true");
        props.setProperty("externalAuthenticationRedirectHandlers", "OPEN");
        props.setProperty("externalAuthenticationTokenCache", "MEMORY");
      }
      default ->
          throw new IllegalArgumentException(
              "'method: "
                  + method
                  + "' is not one of dbt-trino's: none, ldap, kerberos, jwt, certificate, oauth,"
                  + " oauth_console");
    }
    props.setProperty("user", user != null ? user : System.getProperty("user.name", "dbtls"));
    props.setProperty("source", "dbtls");
    if (https) {
      props.setProperty("SSL", "true");
      trust(f, props);
    }
    String sessionProperties = pairs(f.map("session_properties"));
    if (!sessionProperties.isEmpty()) {
      props.setProperty("sessionProperties", sessionProperties);
    }
    String roles = pairs(f.map("roles"));
    if (!roles.isEmpty()) {
      props.setProperty("roles", roles);
    }
    if (!f.list("client_tags").isEmpty()) {
      StringJoiner tags = new StringJoiner(",");
      f.list("client_tags").forEach(t -> tags.add(String.valueOf(t)));
      props.setProperty("clientTags", tags.toString());
    }
    f.copy(props, "timezone", "timezone");
    String where = PostgresTarget.hostPort(host, port);
    String url =
        "jdbc:trino://"
            + where
            + (catalog == null ? "" : "/" + catalog + (schema == null ? "" : "/" + schema));
    BundledDrivers.Loaded driver = BundledDrivers.driver("trino", DRIVER, f);
    return new ConnectionSpec(
        "trino",
        "trino",
        f.target().name(),
        where + (catalog == null ? "" : "/" + catalog),
        props.getProperty("user"),
        driver.driver(),
        url,
        props,
        List.of(),
        ConnectionSpec.ReadOnly.CONNECTION,
        false,
        Math.max(4, f.target().threads() + 1),
        0,
        f.integer("connect_timeout", 10) * 1000L,
        secrets,
        driver.ownLoader());
  }

  /** {@code cert}: a CA bundle's path, or true/false for verifying the server's certificate. */
  private static void trust(TargetFields f, Properties props) {
    Object cert = f.target().fields().get("cert");
    if (cert instanceof Boolean verify) {
      props.setProperty("SSLVerification", verify ? "FULL" : "NONE");
    } else if (cert != null && !String.valueOf(cert).isBlank()) {
      String c = String.valueOf(cert).strip();
      if (c.equalsIgnoreCase("false") || c.equalsIgnoreCase("true")) {
        props.setProperty("SSLVerification", c.equalsIgnoreCase("true") ? "FULL" : "NONE");
      } else {
        props.setProperty("SSLTrustStorePath", f.path(c).toString());
        props.setProperty("SSLTrustStoreType", "PEM");
      }
    }
  }

  /**
   * dbt-trino keeps the client certificate and its key in two files; Trino's driver reads one PEM
   * with both. The joined file is written once per pair, readable by its owner only, in the cache.
   */
  static Path pem(Path cert, Path key) {
    for (Path p : List.of(cert, key)) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("the file " + p + " does not exist");
      }
    }
    try {
      String joined = Files.readString(cert).strip() + "\n" + Files.readString(key).strip() + "\n";
      Path dir = BundledDrivers.cacheDir().resolveSibling("trino-certificates");
      Files.createDirectories(dir);
      Path out = dir.resolve(Integer.toHexString(joined.hashCode()) + ".pem");
      if (!Files.isRegularFile(out)) {
        Path part = Files.createTempFile(dir, "cert", ".part");
        try {
          Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system: the cache folder's own permissions apply
        }
        Files.writeString(part, joined);
        Files.move(part, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the client certificate and key cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A map as the driver's {@code k:v;k:v} list. */
  static String pairs(Map<String, Object> map) {
    StringJoiner out = new StringJoiner(";");
    map.forEach((k, v) -> out.add(k + ":" + v));
    return out.toString();
  }

  private static String required(TargetFields f, String field, String what) {
    String v = f.string(field);
    if (v == null) {
      throw new IllegalArgumentException("needs '" + field + "' (" + what + ")");
    }
    return v;
  }

  private static void require(String value, String field, String method) {
    if (value == null) {
      throw new IllegalArgumentException(
          "needs '" + field + "' (dbt-trino asks for it with method: " + method + ")");
    }
  }
}
