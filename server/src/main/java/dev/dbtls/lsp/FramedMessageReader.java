package dev.dbtls.lsp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Reads JSON-RPC messages by their framing first: the whole body that {@code Content-Length}
 * announces is read before it is parsed. LSP4J parses from the stream itself, and a body it cannot
 * parse (a {@code method} that is an array, say) left the rest of that body in the stream, where it
 * was read as the next message's headers — and every message after it was lost (found by
 * ProtocolFuzzTest). A body that cannot be read as JSON-RPC is answered with a {@code ParseError}
 * whose id is null, as JSON-RPC 2.0 says; a body announced larger than {@link #MAX_MESSAGE_BYTES}
 * is answered the same way and not read: the server reads on from the next {@code Content-Length}
 * header. (It once skipped the announced length, which on a pipe failed at once and ended the
 * server, and would have swallowed every message after a header that announces 2 GB and sends 20
 * bytes.)
 */
final class FramedMessageReader extends StreamMessageProducer {
  static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private static final byte[] HEADER = "Content-Length:".getBytes(StandardCharsets.US_ASCII);

  private final MessageConsumer out;

  /** The stream LSP4J reads headers from, so a header found while skipping can be put back. */
  private final PushbackInputStream input;

  private boolean parsing;

  FramedMessageReader(
      InputStream input, MessageJsonHandler json, MessageIssueHandler issues, MessageConsumer out) {
    this(
        new PushbackInputStream(new java.io.BufferedInputStream(input), HEADER.length),
        json,
        issues,
        out);
  }

  private FramedMessageReader(
      PushbackInputStream input,
      MessageJsonHandler json,
      MessageIssueHandler issues,
      MessageConsumer out) {
    super(input, json, issues);
    this.input = input;
    this.out = out;
  }

  @Override
  protected boolean handleMessage(InputStream input, Headers headers) {
    int length = Math.max(0, headers.contentLength);
    byte[] body;
    try {
      if (length > MAX_MESSAGE_BYTES) {
        parseError(
            "a message of "
                + length
                + " bytes is larger than the server reads ("
                + MAX_MESSAGE_BYTES
                + "); skipped to the next message");
        return toNextHeader();
      }
      body = input.readNBytes(length);
    } catch (IOException e) {
      return false; // the stream ended inside the message
    }
    if (body.length < length) {
      return false;
    }
    parsing = true;
    try {
      return super.handleMessage(new ByteArrayInputStream(body), headers);
    } finally {
      parsing = false;
    }
  }

  /**
   * Drops bytes up to the next {@code Content-Length:} and puts that back for LSP4J to read as the
   * next message's header; false when the stream ends first.
   */
  private boolean toNextHeader() throws IOException {
    int matched = 0;
    for (int b; (b = input.read()) >= 0; ) {
      matched = b == HEADER[matched] ? matched + 1 : b == HEADER[0] ? 1 : 0;
      if (matched == HEADER.length) {
        input.unread(HEADER);
        return true;
      }
    }
    return false;
  }

  @Override
  protected void fireError(Throwable error) {
    super.fireError(error);
    if (parsing) {
      String text =
          error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
      parseError("the message is not JSON-RPC: " + CheckedEndpoint.oneLine(text));
    }
  }

  private void parseError(String message) {
    ResponseMessage response = new ResponseMessage();
    response.setJsonrpc("2.0");
    response.setError(new ResponseError(ResponseErrorCode.ParseError, message, null));
    try {
      out.consume(response);
    } catch (RuntimeException e) {
      System.err.println("dbtls: could not answer an unreadable message: " + e);
    }
  }
}
