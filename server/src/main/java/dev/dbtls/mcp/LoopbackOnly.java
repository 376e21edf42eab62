package dev.dbtls.mcp;

import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HTTP requests only from this machine by name: the Host (and Origin, when a browser sends one)
 * must be localhost, 127.0.0.1 or [::1], whatever the port. Binding to 127.0.0.1 is not enough: a
 * web page whose name resolves to 127.0.0.1 (DNS rebinding) would otherwise reach the project.
 */
final class LoopbackOnly implements ServerTransportSecurityValidator {
  private static final Set<String> HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  @Override
  public void validateHeaders(Map<String, List<String>> headers)
      throws ServerTransportSecurityException {
    String host = header(headers, "host");
    if (host == null || !HOSTS.contains(hostName(host))) {
      throw new ServerTransportSecurityException(403, "dbtls mcp answers localhost only");
    }
    String origin = header(headers, "origin");
    if (origin != null && !origin.equals("null")) {
      String originHost;
      try {
        originHost = URI.create(origin).getHost();
      } catch (IllegalArgumentException e) {
        originHost = null;
      }
      if (originHost == null || !HOSTS.contains(originHost.toLowerCase(Locale.ROOT))) {
        throw new ServerTransportSecurityException(403, "dbtls mcp answers localhost only");
      }
    }
  }

  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /** {@code host[:port]} or {@code [v6][:port]} less the port, in lower case. */
  static String hostName(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.lastIndexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }
}
