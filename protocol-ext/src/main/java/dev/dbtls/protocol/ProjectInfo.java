package dev.dbtls.protocol;

import java.util.List;

/**
 * One dbt project as the server loaded it: its folder ({@code uri}), the profile and target in use
 * (after the {@code dbtls.target}/{@code dbtls.profile} settings), the adapter type, the targets
 * the profile offers, how many nodes it has and how many error-level problems.
 */
public record ProjectInfo(
    String name,
    String uri,
    String profile,
    String target,
    String adapter,
    List<String> targets,
    int nodes) {}
