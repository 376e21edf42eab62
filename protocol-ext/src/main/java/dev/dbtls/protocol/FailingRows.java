package dev.dbtls.protocol;

import java.util.List;

/**
 * The first rows a data test that failed or warned found (at most 20), read with one more query
 * after it ran: its query's rows, or its {@code store_failures} table's. Values are JSON scalars
 * (numbers, booleans, text). {@code more}: the test found more rows than these.
 */
public record FailingRows(List<String> columns, List<List<Object>> rows, boolean more) {}
