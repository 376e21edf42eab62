package dev.dbtls.lsp;

import java.util.List;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * LSP's rules, before a handler sees a message: requests before {@code initialize} answer {@code
 * ServerNotInitialized} (-32002) and notifications then are dropped (except {@code exit}); after
 * {@code shutdown} requests answer {@code InvalidRequest} until {@code exit}; a request whose
 * params are missing or do not fit its method answers {@code InvalidParams} (-32602) with a short
 * message, and a handler's failure answers {@code InternalError} with one line — stacks go to the
 * server log, never to the editor.
 */
final class CheckedEndpoint extends RemoteEndpoint {
  private enum State {
    NEW,
    RUNNING,
    SHUT_DOWN
  }

  private final MessageConsumer out;
  private volatile State state = State.NEW;

  CheckedEndpoint(MessageConsumer out, Endpoint local) {
    super(out, local, CheckedEndpoint::internalError);
    this.out = out;
  }

  @Override
  protected void handleRequest(RequestMessage request) {
    String method = request.getMethod();
    ResponseError refusal =
        switch (state) {
          case NEW ->
              method.equals("initialize")
                  ? null
                  : new ResponseError(
                      ResponseErrorCode.ServerNotInitialized,
                      "the server is not initialized yet: send 'initialize' first",
                      null);
          case RUNNING ->
              method.equals("initialize")
                  ? new ResponseError(
                      ResponseErrorCode.InvalidRequest, "the server is initialized already", null)
                  : null;
          case SHUT_DOWN ->
              new ResponseError(
                  ResponseErrorCode.InvalidRequest,
                  "the server is shut down: only 'exit' is accepted now",
                  null);
        };
    if (refusal == null) {
      String problem = RequestParams.problem(method, request.getParams());
      if (problem != null) {
        refusal = new ResponseError(ResponseErrorCode.InvalidParams, problem, null);
      }
    }
    if (refusal != null) {
      out.consume(createErrorResponseMessage(request, refusal));
      return;
    }
    if (method.equals("initialize")) {
      state = State.RUNNING;
    } else if (method.equals("shutdown")) {
      state = State.SHUT_DOWN;
    }
    super.handleRequest(request);
  }

  @Override
  protected void handleNotification(NotificationMessage notification) {
    boolean exit = notification.getMethod().equals("exit");
    boolean cancel = notification.getMethod().equals("$/cancelRequest");
    if (state != State.RUNNING && !exit && !(cancel && state == State.SHUT_DOWN)) {
      System.err.println(
          "dbtls: dropped '"
              + notification.getMethod()
              + "': "
              + (state == State.NEW
                  ? "the server is not initialized yet"
                  : "the server is shut down"));
      return;
    }
    super.handleNotification(notification);
  }

  /** Params that could not be read as the method's type: InvalidParams, with what did not fit. */
  @Override
  protected void handleRequestIssues(RequestMessage request, List<MessageIssue> issues) {
    String why = issues.isEmpty() ? "unreadable params" : shortText(issues.get(0));
    System.err.println("dbtls: invalid params for " + request.getMethod() + ": " + why);
    out.consume(
        createErrorResponseMessage(
            request,
            new ResponseError(
                ResponseErrorCode.InvalidParams,
                "invalid params for " + request.getMethod() + ": " + why,
                null)));
  }

  /** The issue's own words, without Java exception class names. */
  private static String shortText(MessageIssue issue) {
    Throwable cause = issue.getCause();
    while (cause != null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String text =
        cause != null && cause.getMessage() != null ? cause.getMessage() : issue.getText();
    return oneLine(text == null ? "unreadable params" : text);
  }

  /**
   * The first line of a parser's message, at most 200 characters, without Java exception class
   * names (cut first: messages quote the input, which may be megabytes).
   */
  static String oneLine(String message) {
    String line = message.lines().findFirst().orElse("").strip();
    if (line.length() > 200) {
      line = line.substring(0, 200) + "...";
    }
    return line.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ?", "");
  }

  /** A handler failed: one line for the editor, the stack for the server log. */
  private static ResponseError internalError(Throwable t) {
    Throwable cause =
        t instanceof java.util.concurrent.CompletionException && t.getCause() != null
            ? t.getCause()
            : t;
    if (cause instanceof org.eclipse.lsp4j.jsonrpc.ResponseErrorException e) {
      return e.getResponseError();
    }
    System.err.println("dbtls: a request failed: " + cause);
    cause.printStackTrace(System.err);
    return new ResponseError(
        ResponseErrorCode.InternalError,
        "internal error (" + cause.getClass().getSimpleName() + "); details are in the server log",
        null);
  }
}
