package dev.dbtls.warehouse;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Google credentials for tests, made here: nothing in them signs in anywhere. */
public final class GoogleKeys {
  private GoogleKeys() {}

  /** A service account key shaped as Google issues it, with a fresh RSA key. */
  public static Map<String, Object> serviceAccount() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(g.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("type", "service_account");
    key.put("project_id", "acme-analytics");
    key.put("private_key_id", "0123456789abcdef");
    key.put("private_key", pem);
    key.put("client_email", "dbt-runner@acme-analytics.iam.gserviceaccount.com");
    key.put("client_id", "1234567890");
    key.put("token_uri", "https://oauth2.googleapis.com/token");
    return key;
  }
}
