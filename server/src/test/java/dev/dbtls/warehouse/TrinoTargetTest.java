package dev.dbtls.warehouse;

import static dev.dbtls.warehouse.Databases.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt-trino's profile, every method, mapped onto the bundled Trino driver: each property dbtls sets
 * is one the driver itself lists ({@link Driver#getPropertyInfo}), and the driver accepts the URL.
 */
class TrinoTargetTest {
  @TempDir Path dir;

  private ConnectionSpec spec(Object... fields) {
    Object[] all = new Object[fields.length + 4];
    all[0] = "type";
    all[1] = "trino";
    all[2] = "host";
    all[3] = "trino.example.com";
    System.arraycopy(fields, 0, all, 4, fields.length);
    Target t = target("dev", all);
    return TrinoTarget.spec(new TargetFields(t, dir));
  }

  /** Every property set is known to the driver, which also accepts the URL. */
  private static void knownToDriver(ConnectionSpec s) throws Exception {
    Driver d = s.driver();
    assertTrue(d.acceptsURL(s.url()), s.url());
    Set<String> known = new TreeSet<>();
    for (DriverPropertyInfo p : d.getPropertyInfo(s.url(), new java.util.Properties())) {
      known.add(p.name);
    }
    for (String name : s.properties().stringPropertyNames()) {
      assertTrue(known.contains(name), name + " is not one of the driver's properties " + known);
    }
  }

  @Test
  void methodNoneOverPlainHttp() throws Exception {
    ConnectionSpec s =
        spec(
            "method",
            "none",
            "user",
            "ana",
            "port",
            8080,
            "database",
            "hive",
            "schema",
            "dbt",
            "session_properties",
            Map.of("query_max_run_time", "1h"),
            "roles",
            Map.of("hive", "analyst"),
            "client_tags",
            List.of("a", "b"));
    knownToDriver(s);
    assertEquals("jdbc:trino://trino.example.com:8080/hive/dbt", s.url());
    assertEquals("ana", s.properties().getProperty("user"));
    assertEquals("query_max_run_time:1h", s.properties().getProperty("sessionProperties"));
    assertEquals("hive:analyst", s.properties().getProperty("roles"));
    assertEquals("a,b", s.properties().getProperty("clientTags"));
    assertFalse(s.properties().containsKey("SSL"));
    assertEquals("trino", s.sqlType());
  }

  @Test
  void ldapGoesOverHttpsAndKeepsThePasswordSecret() throws Exception {
    ConnectionSpec s =
        spec(
            "method",
            "ldap",
            "user",
            "ana",
            "password",
            "s3cret-pw",
            "impersonation_user",
            "bob",
            "cert",
            "/etc/ssl/ca.pem",
            "database",
            "hive",
            "schema",
            "dbt");
    knownToDriver(s);
    assertEquals("true", s.properties().getProperty("SSL"));
    assertEquals("bob", s.properties().getProperty("sessionUser"));
    assertEquals("/etc/ssl/ca.pem", s.properties().getProperty("SSLTrustStorePath"));
    assertFalse(s.toString().contains("s3cret-pw"));
    assertEquals("failed: ***", s.scrub("failed: s3cret-pw"));
  }

  @Test
  void jwtCertificateKerberosAndOauth() throws Exception {
    ConnectionSpec jwt = spec("method", "jwt", "jwt_token", "eyJhbGciOi.token", "cert", false);
    knownToDriver(jwt);
    assertEquals("eyJhbGciOi.token", jwt.properties().getProperty("accessToken"));
    assertEquals("NONE", jwt.properties().getProperty("SSLVerification"));
    assertTrue(jwt.secrets().contains("eyJhbGciOi.token"));

    Path cert = Files.writeString(dir.resolve("client.crt"), "-----BEGIN CERTIFICATE-----\nA\n");
    Path key = Files.writeString(dir.resolve("client.key"), "-----BEGIN PRIVATE KEY-----\nB\n");
    ConnectionSpec certificate =
        spec(
            "method",
            "certificate",
            "client_certificate",
            cert.toString(),
            "client_private_key",
            "client.key");
    knownToDriver(certificate);
    String pem = Files.readString(Path.of(certificate.properties().getProperty("SSLKeyStorePath")));
    assertTrue(pem.contains("BEGIN CERTIFICATE") && pem.contains("BEGIN PRIVATE KEY"), pem);

    ConnectionSpec kerberos =
        spec("method", "kerberos", "user", "ana", "keytab", "/k.keytab", "principal", "ana@X");
    knownToDriver(kerberos);
    assertEquals("trino", kerberos.properties().getProperty("KerberosRemoteServiceName"));

    ConnectionSpec oauth = spec("method", "oauth");
    knownToDriver(oauth);
    // the driver must not print the login link on stdout, the language server's channel
    assertEquals("OPEN", oauth.properties().getProperty("externalAuthenticationRedirectHandlers"));
  }

  @Test
  void aMissingFieldOrUnknownMethodIsOneLineNamingIt() {
    assertEquals(
        "needs 'jwt_token' (the JSON web token (method: jwt))",
        assertThrows(IllegalArgumentException.class, () -> spec("method", "jwt")).getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> spec("method", "saml"))
            .getMessage()
            .contains("'method: saml' is not one of dbt-trino's"));
    var opened =
        Warehouse.open(target("prod", "type", "trino", "method", "ldap", "host", "h"), dir);
    assertFalse(opened.ok());
    assertEquals(ProblemCode.WAREHOUSE_TARGET, opened.error().code());
    assertEquals(
        "cannot connect to trino target 'prod': needs 'user' (dbt-trino asks for it with method:"
            + " ldap)",
        opened.error().message());
  }

  @Test
  void theBundledDriverHasItsOwnClassLoader() {
    ConnectionSpec s = spec("user", "ana");
    assertNotSame(getClass().getClassLoader(), s.driver().getClass().getClassLoader());
    assertEquals("dbtls-jdbc-driver", s.driver().getClass().getClassLoader().getName());
    // loaded once: a second target of the type uses the same classes
    assertEquals(s.driver().getClass(), spec("user", "bo").driver().getClass());
  }

  @Test
  void anUnreachableCoordinatorIsOneSentence() {
    var opened =
        Warehouse.open(
            target("dev", "type", "trino", "host", "127.0.0.1", "port", 1, "user", "ana"), dir);
    assertFalse(opened.ok());
    assertEquals(ProblemCode.WAREHOUSE_CONNECT, opened.error().code());
    assertTrue(
        opened.error().message().startsWith("cannot connect to trino target 'dev' at 127.0.0.1:1"),
        opened.error().message());
  }
}
