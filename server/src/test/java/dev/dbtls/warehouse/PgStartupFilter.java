package dev.dbtls.warehouse;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loopback relay in front of the local PostgreSQL for Amazon's Redshift driver: the driver opens
 * each connection with startup parameters only Redshift knows ({@code driver_version}, {@code
 * os_version}, …), which PostgreSQL refuses as unrecognized settings. The relay drops those from
 * the startup message, answers the driver's SSL request with "no", and passes every other byte
 * through unchanged both ways (cancel requests included), so that the driver's real code talks to a
 * real PostgreSQL.
 */
final class PgStartupFilter implements AutoCloseable {
  private static final int SSL_REQUEST = 80877103;
  private static final int GSS_REQUEST = 80877104;
  private static final int PROTOCOL_3 = 196608;

  /** What PostgreSQL accepts in a startup message among what the driver sends. */
  private static final Set<String> KEPT =
      Set.of(
          "user",
          "database",
          "application_name",
          "client_encoding",
          "DateStyle",
          "TimeZone",
          "extra_float_digits",
          "options",
          "search_path",
          "replication");

  private final ServerSocket server;
  private final int pgPort;
  final List<String> dropped = new java.util.concurrent.CopyOnWriteArrayList<>();

  PgStartupFilter(int pgPort) throws IOException {
    this.pgPort = pgPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "pg-startup-filter");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread t = new Thread(() -> relay(client), "pg-startup-filter-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void relay(Socket client) {
    try (client;
        Socket pg = new Socket(InetAddress.getLoopbackAddress(), pgPort)) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream toClient = client.getOutputStream();
      OutputStream toPg = pg.getOutputStream();
      while (true) {
        int length = in.readInt();
        byte[] body = new byte[length - 4];
        in.readFully(body);
        int code = ByteBuffer.wrap(body).getInt();
        if (code == SSL_REQUEST || code == GSS_REQUEST) {
          toClient.write('N');
          toClient.flush();
          continue;
        }
        toPg.write(code == PROTOCOL_3 || (code >>> 16) == 3 ? startup(body) : frame(body));
        toPg.flush();
        break;
      }
      Thread back = new Thread(() -> pipe(pg, client), "pg-startup-filter-back");
      back.setDaemon(true);
      back.start();
      pipe(client, pg);
      back.join();
    } catch (IOException | InterruptedException e) {
      // one connection ends; the relay goes on
    }
  }

  /** The startup message with PostgreSQL's protocol 3.0 and only the parameters it knows. */
  private byte[] startup(byte[] body) {
    Map<String, String> params = new LinkedHashMap<>();
    String[] parts = new String(body, 4, body.length - 4, StandardCharsets.UTF_8).split("\0", -1);
    for (int i = 0; i + 1 < parts.length && !parts[i].isEmpty(); i += 2) {
      if (KEPT.contains(parts[i])) {
        params.put(parts[i], parts[i + 1]);
      } else {
        dropped.add(parts[i]);
      }
    }
    StringBuilder s = new StringBuilder();
    params.forEach((k, v) -> s.append(k).append('\0').append(v).append('\0'));
    s.append('\0');
    byte[] kv = s.toString().getBytes(StandardCharsets.UTF_8);
    return frame(ByteBuffer.allocate(4 + kv.length).putInt(PROTOCOL_3).put(kv).array());
  }

  private static byte[] frame(byte[] body) {
    return ByteBuffer.allocate(4 + body.length).putInt(4 + body.length).put(body).array();
  }

  private static void pipe(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // the other side closed
    } finally {
      try {
        to.shutdownOutput();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
