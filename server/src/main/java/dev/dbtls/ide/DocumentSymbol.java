package dev.dbtls.ide;

import dev.dbtls.project.Span;
import java.util.List;

/**
 * One entry of a file's outline. {@code range} covers the whole definition (a CTE with its
 * parentheses, a macro from {@code {% macro} to {@code {% endmacro %}}), {@code selectionRange}
 * its name; {@code detail} is a short hint (parameters, config values) or null.
 */
public record DocumentSymbol(
    String name,
    String detail,
    OutlineKind kind,
    Span range,
    Span selectionRange,
    List<DocumentSymbol> children) {}
