package dev.dbtls.protocol;

import java.util.List;

/** Result of {@code dbt/erd}: the entities, the relationships between them, and why empty. */
public record ErdResult(
    String message,
    List<ErdEntity> entities,
    List<ErdRelationship> relationships,
    boolean truncated) {}
