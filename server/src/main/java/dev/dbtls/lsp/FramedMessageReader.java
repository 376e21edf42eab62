package dev.dbtls.lsp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * Reads JSON-RPC messages by their framing first: the whole body that {@code Content-Length}
 * announces is read before it is parsed. LSP4J parses from the stream itself, and a body it
 * cannot parse (a {@code method} that is an array, say) left the rest of that body in the
 * stream, where it was read as the next message's headers — and every message after it was lost
 * (found by ProtocolFuzzTest). A body that cannot be read as JSON-RPC is answered with a
 * {@code ParseError} whose id is null, as JSON-RPC 2.0 says; a body larger than
 * {@link #MAX_MESSAGE_BYTES} is skipped and answered the same way.
 */
final class FramedMessageReader extends StreamMessageProducer {
  static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private final MessageConsumer out;
  private boolean parsing;

  FramedMessageReader(InputStream input, MessageJsonHandler json, MessageIssueHandler issues, MessageConsumer out) {
    super(input, json, issues);
    this.out = out;
  }

  @Override
  protected boolean handleMessage(InputStream input, Headers headers) {
    int length = Math.max(0, headers.contentLength);
    byte[] body;
    try {
      if (length > MAX_MESSAGE_BYTES) {
        input.skipNBytes(length);
        parseError("a message of " + length + " bytes is larger than the server reads ("
            + MAX_MESSAGE_BYTES + ")");
        return true;
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

  @Override
  protected void fireError(Throwable error) {
    super.fireError(error);
    if (parsing) {
      String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
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
