package dev.dbtls.protocol;

import java.util.List;

/** The next rows of a preview; {@code cursor} is null once the result has been read to the end. */
public record PreviewPage(
    List<List<Object>> rows,
    boolean hasMore,
    boolean truncated,
    String cursor,
    PreviewError error) {}
