package dev.dbtls.protocol;

import java.util.List;

/**
 * Params of {@code dbt/erd}: the project of document {@code uri} (null: the first project), the
 * nodes by dbt's selection syntax ({@code select}, e.g. {@code ["+customers", "tag:core"]}; null or
 * empty: every model of the root project), at most {@code maxNodes} (null: 200).
 */
public record ErdParams(String uri, List<String> select, Integer maxNodes) {}
