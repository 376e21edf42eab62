package dev.dbtls.protocol;

import java.util.List;

/** A saved query: name (unique per folder), description, tags, folder, SQL, project. */
public record SavedQuery(
    Long id,
    String name,
    String description,
    List<String> tags,
    String folder,
    String sql,
    String project,
    String createdAt,
    String updatedAt) {}
