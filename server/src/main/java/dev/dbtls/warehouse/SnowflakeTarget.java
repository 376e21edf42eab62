package dev.dbtls.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * dbt-snowflake's target, read as its profile documents it, for Snowflake's own JDBC driver
 * (bundled, loaded on first use): account, user, and one way to sign in — a password, the browser
 * ({@code authenticator: externalbrowser}, its token cached as the driver allows), an OAuth token,
 * a key pair ({@code private_key_path} or {@code private_key}, with {@code
 * private_key_passphrase}), a password with MFA, or an Okta URL; role, warehouse, database, schema,
 * query_tag, client_session_keep_alive, connect_timeout, host/port/protocol.
 *
 * <p>The driver is told never to log to stdout (the language server's channel), not to probe cloud
 * metadata endpoints, and to refuse PUT and GET.
 */
final class SnowflakeTarget {
  static final String DRIVER = "net.snowflake.client.api.driver.SnowflakeDriver";
  static final String LEGACY_DRIVER = "net.snowflake.client.jdbc.SnowflakeDriver";

  private SnowflakeTarget() {}

  static ConnectionSpec spec(TargetFields f) {
    String account = f.string("account");
    if (account == null) {
      throw new IllegalArgumentException(
          "needs 'account' (the account identifier, e.g. myorg-myaccount or xy12345.eu-west-1)");
    }
    String user = f.string("user", "username");
    if (user == null) {
      throw new IllegalArgumentException("needs 'user'");
    }
    Properties props = new Properties();
    List<String> secrets = new ArrayList<>();
    props.setProperty("account", account);
    props.setProperty("user", user);
    signIn(f, props, secrets);
    f.copy(props, "role", "role");
    f.copy(props, "warehouse", "warehouse");
    f.copy(props, "database", "database");
    f.copy(props, "schema", "schema");
    int connectTimeout = f.integer("connect_timeout", 10);
    props.setProperty("loginTimeout", String.valueOf(connectTimeout));
    props.setProperty("application", "dbtls");
    // the language server speaks on stdout: the driver must never write there
    props.setProperty("JAVA_LOGGING_CONSOLE_STD_OUT", "false");
    // no probing of cloud metadata endpoints at each sign-in
    props.setProperty("disablePlatformDetection", "true");
    // no file transfers to or from stages: dbtls only reads
    props.setProperty("enablePutGet", "false");
    if (f.bool("insecure_mode", false)) {
      props.setProperty("insecureMode", "true");
    }
    // session parameters go with the connection
    if (f.string("query_tag") != null) {
      props.setProperty("QUERY_TAG", f.string("query_tag"));
    }
    props.setProperty(
        "CLIENT_SESSION_KEEP_ALIVE", String.valueOf(f.bool("client_session_keep_alive", false)));
    String host = f.string("host");
    String where =
        host != null
            ? PostgresTarget.hostPort(host, f.integer("port", 443))
            : account + ".snowflakecomputing.com";
    String protocol = f.stringOr("protocol", "https");
    String url =
        "jdbc:snowflake://" + where + (protocol.equalsIgnoreCase("http") ? "/?ssl=off" : "");
    BundledDrivers.Loaded driver = driver(f);
    return new ConnectionSpec(
        "snowflake",
        "snowflake",
        f.target().name(),
        where,
        user,
        driver.driver(),
        url,
        props,
        List.of(),
        ConnectionSpec.ReadOnly.NONE,
        false,
        Math.max(4, f.target().threads() + 1),
        0,
        connectTimeout * 1000L,
        secrets,
        driver.ownLoader());
  }

  private static BundledDrivers.Loaded driver(TargetFields f) {
    try {
      return BundledDrivers.driver("snowflake", DRIVER, f);
    } catch (IllegalArgumentException e) {
      // a user's own older driver (driver_path) has the class under its old name
      return BundledDrivers.driver("snowflake", LEGACY_DRIVER, f);
    }
  }

  /** The sign-in the profile chose, as the driver's properties. */
  private static void signIn(TargetFields f, Properties props, List<String> secrets) {
    String authenticator = f.stringOr("authenticator", "snowflake").strip();
    String kind = authenticator.toLowerCase(Locale.ROOT);
    boolean keyPair =
        f.string("private_key_path") != null
            || f.string("private_key") != null
            || kind.equals("snowflake_jwt")
            || kind.equals("jwt");
    if (keyPair) {
      props.setProperty("authenticator", "snowflake_jwt");
      String path = f.string("private_key_path");
      String inline = f.string("private_key");
      if (path != null) {
        props.setProperty("private_key_file", f.path(path).toString());
      } else if (inline != null) {
        String base64 = pemBody(inline);
        props.setProperty("private_key_base64", base64);
        secrets.add(base64);
        secrets.add(inline);
      } else {
        throw new IllegalArgumentException(
            "needs 'private_key_path' or 'private_key' (key-pair sign-in, authenticator: "
                + authenticator
                + ")");
      }
      String passphrase = f.string("private_key_passphrase");
      if (passphrase != null) {
        props.setProperty("private_key_pwd", passphrase);
        secrets.add(passphrase);
      }
      return;
    }
    switch (kind) {
      case "snowflake", "username_password_mfa" -> {
        String password = f.string("password");
        if (password == null) {
          throw new IllegalArgumentException(
              "needs 'password' (or another sign-in: authenticator externalbrowser, oauth,"
                  + " private_key_path)");
        }
        props.setProperty("password", password);
        secrets.add(password);
        if (kind.equals("username_password_mfa")) {
          props.setProperty("authenticator", "username_password_mfa");
          // one MFA prompt per token's life, not one per connection
          props.setProperty("clientRequestMfaToken", "true");
        }
      }
      case "externalbrowser" -> {
        props.setProperty("authenticator", "externalbrowser");
        props.setProperty("clientStoreTemporaryCredential", "true");
      }
      case "oauth" -> {
        String token = f.string("token");
        if (token != null) {
          props.setProperty("authenticator", "oauth");
          props.setProperty("token", token);
          secrets.add(token);
        } else if (f.string("oauth_client_id") != null && f.string("oauth_client_secret") != null) {
          props.setProperty("authenticator", "oauth_authorization_code");
          props.setProperty("oauthClientID", f.string("oauth_client_id"));
          props.setProperty("oauthClientSecret", f.string("oauth_client_secret"));
          secrets.add(f.string("oauth_client_secret"));
        } else {
          throw new IllegalArgumentException(
              "needs 'token' (an OAuth access token), or 'oauth_client_id' and"
                  + " 'oauth_client_secret' (authenticator: oauth)");
        }
      }
      default -> {
        if (kind.startsWith("https://")) { // Okta: the URL is the authenticator
          String password = f.string("password");
          if (password == null) {
            throw new IllegalArgumentException("needs 'password' (authenticator: Okta URL)");
          }
          props.setProperty("authenticator", authenticator);
          props.setProperty("password", password);
          secrets.add(password);
        } else {
          throw new IllegalArgumentException(
              "'authenticator: "
                  + authenticator
                  + "' is not one of dbt-snowflake's: snowflake, externalbrowser, oauth,"
                  + " username_password_mfa, snowflake_jwt, or an Okta URL");
        }
      }
    }
  }

  /** A key as dbt-snowflake takes it (PEM, or base64 DER) as the base64 body the driver reads. */
  static String pemBody(String key) {
    return key.replaceAll("-----(BEGIN|END)[A-Z ]*-----", "").replaceAll("\\s+", "");
  }
}
