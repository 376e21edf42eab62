package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt-snowflake's profile, every sign-in, mapped onto the bundled Snowflake driver: each property
 * dbtls sets is one of the driver's own session properties (its {@code SFSessionProperty} list) or
 * a Snowflake session parameter; the driver accepts the URL and fails fast, in one line, where
 * there is no Snowflake to reach (the network call is as far as it goes here).
 */
class SnowflakeTargetTest {
  @TempDir Path dir;

  /** Session parameters the driver passes on to Snowflake as they are. */
  private static final Set<String> SESSION_PARAMETERS =
      Set.of("QUERY_TAG", "CLIENT_SESSION_KEEP_ALIVE");

  private ConnectionSpec spec(Object... fields) {
    Object[] all = new Object[fields.length + 6];
    System.arraycopy(
        new Object[] {"type", "snowflake", "account", "xy12345.eu-west-1", "user", "ana"},
        0,
        all,
        0,
        6);
    System.arraycopy(fields, 0, all, 6, fields.length);
    return SnowflakeTarget.spec(new TargetFields(target("dev", all), dir));
  }

  /** The driver's own list of connection properties, read from the driver's classes. */
  private static Set<String> driverProperties(ConnectionSpec s) throws Exception {
    Class<?> c =
        Class.forName(
            "net.snowflake.client.internal.core.SFSessionProperty",
            true,
            s.driver().getClass().getClassLoader());
    Method key = c.getMethod("getPropertyKey");
    Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (Object p : c.getEnumConstants()) {
      out.add((String) key.invoke(p));
    }
    return out;
  }

  private static void knownToDriver(ConnectionSpec s) throws Exception {
    assertTrue(s.driver().acceptsURL(s.url()), s.url());
    Set<String> known = driverProperties(s);
    for (String name : s.properties().stringPropertyNames()) {
      assertTrue(
          known.contains(name) || SESSION_PARAMETERS.contains(name),
          name + " is neither a driver property nor a session parameter");
    }
  }

  @Test
  void passwordRoleWarehouseAndSessionParameters() throws Exception {
    ConnectionSpec s =
        spec(
            "password",
            "pa55-word",
            "role",
            "transformer",
            "warehouse",
            "transforming",
            "database",
            "analytics",
            "schema",
            "dbt_ana",
            "query_tag",
            "dbtls",
            "client_session_keep_alive",
            true,
            "threads",
            8);
    knownToDriver(s);
    assertEquals("jdbc:snowflake://xy12345.eu-west-1.snowflakecomputing.com", s.url());
    assertEquals("transforming", s.properties().getProperty("warehouse"));
    assertEquals("analytics", s.properties().getProperty("database"));
    assertEquals("dbtls", s.properties().getProperty("QUERY_TAG"));
    assertEquals("true", s.properties().getProperty("CLIENT_SESSION_KEEP_ALIVE"));
    assertEquals("false", s.properties().getProperty("JAVA_LOGGING_CONSOLE_STD_OUT"));
    assertEquals("false", s.properties().getProperty("enablePutGet"));
    assertFalse(s.toString().contains("pa55-word"));
    assertEquals("x ***", s.scrub("x pa55-word"));
  }

  @Test
  void everySignInOfDbtSnowflake() throws Exception {
    ConnectionSpec browser = spec("authenticator", "externalbrowser");
    knownToDriver(browser);
    assertEquals("externalbrowser", browser.properties().getProperty("authenticator"));
    assertEquals("true", browser.properties().getProperty("clientStoreTemporaryCredential"));

    ConnectionSpec oauth = spec("authenticator", "oauth", "token", "ver:1-hint:abc-token");
    knownToDriver(oauth);
    assertEquals("ver:1-hint:abc-token", oauth.properties().getProperty("token"));
    assertTrue(oauth.secrets().contains("ver:1-hint:abc-token"));

    Path key = Files.writeString(dir.resolve("rsa_key.p8"), "-----BEGIN PRIVATE KEY-----\nAA\n");
    ConnectionSpec keyFile =
        spec("private_key_path", "rsa_key.p8", "private_key_passphrase", "s3cret-phrase");
    knownToDriver(keyFile);
    assertEquals("snowflake_jwt", keyFile.properties().getProperty("authenticator"));
    assertEquals(key.toString(), keyFile.properties().getProperty("private_key_file"));
    assertEquals("s3cret-phrase", keyFile.properties().getProperty("private_key_pwd"));

    ConnectionSpec inline =
        spec(
            "private_key",
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHz\nAbCd==\n-----END ENCRYPTED PRIVATE"
                + " KEY-----\n");
    knownToDriver(inline);
    assertEquals("MIIFHzAbCd==", inline.properties().getProperty("private_key_base64"));

    ConnectionSpec mfa = spec("authenticator", "username_password_mfa", "password", "pw-mfa-1");
    knownToDriver(mfa);
    assertEquals("true", mfa.properties().getProperty("clientRequestMfaToken"));

    ConnectionSpec okta = spec("authenticator", "https://acme.okta.com", "password", "okta-pass-1");
    knownToDriver(okta);
    assertEquals("https://acme.okta.com", okta.properties().getProperty("authenticator"));
  }

  @Test
  void aMissingFieldOrUnknownSignInIsOneLine() {
    assertEquals(
        "needs 'token' (an OAuth access token), or 'oauth_client_id' and 'oauth_client_secret'"
            + " (authenticator: oauth)",
        assertThrows(IllegalArgumentException.class, () -> spec("authenticator", "oauth"))
            .getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> spec("authenticator", "saml"))
            .getMessage()
            .startsWith("'authenticator: saml' is not one of dbt-snowflake's"));
    var opened = Warehouse.open(target("prod", "type", "snowflake", "user", "ana"), dir);
    assertFalse(opened.ok());
    assertEquals(ProblemCode.WAREHOUSE_TARGET, opened.error().code());
    assertTrue(
        opened
            .error()
            .message()
            .startsWith("cannot connect to snowflake target 'prod': needs 'account'"),
        opened.error().message());
  }

  @Test
  void theDriverRunsUpToTheNetworkAndFailsInOneLine() {
    ConnectionSpec s = spec("password", "pw-1234");
    assertNotSame(getClass().getClassLoader(), s.driver().getClass().getClassLoader());
    var opened =
        Warehouse.open(
            target(
                "dev",
                "type",
                "snowflake",
                "account",
                "xy12345",
                "user",
                "ana",
                "password",
                "pw-1234",
                "host",
                "127.0.0.1",
                "port",
                1,
                "connect_timeout",
                3),
            dir);
    assertFalse(opened.ok());
    assertEquals(ProblemCode.WAREHOUSE_CONNECT, opened.error().code());
    String m = opened.error().message();
    assertTrue(m.startsWith("cannot connect to snowflake target 'dev' at 127.0.0.1:1: "), m);
    assertFalse(m.contains("pw-1234"), m);
    assertFalse(m.contains("\n"), m);
  }
}
