package dev.dbtls.ide;

import dev.dbtls.project.Span;
import java.util.Map;

/**
 * An action shown above a node's definition: {@code title} for the editor, {@code command} the
 * client command it runs with one argument, {@code {"displayPath": ..., "uniqueId": ...}}.
 */
public record CodeLens(Span range, String title, String command, Map<String, String> argument) {}
