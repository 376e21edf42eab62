package dev.dbtls.protocol;

import java.util.List;

/**
 * A stored recommendation: what explain found ({@code kind}, {@code title}, {@code evidence},
 * {@code confidence}), the SQL that would apply and undo it (null for advice only), and its {@code
 * status}: pending, benchmarked, applied or dismissed.
 */
public record Recommendation(
    long id,
    String nodeId,
    String target,
    String kind,
    String title,
    List<String> evidence,
    String confidence,
    String applySql,
    String rollbackSql,
    String status,
    long updatedAt) {}
