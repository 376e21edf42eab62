package dev.dbtls.protocol;

/**
 * A test of the project as the Testing UIs list it before any run: its unique id, name, {@code
 * resourceType} ({@code test} for data tests, {@code unit_test}), the node it tests ({@code
 * attachedTo}: unique id, {@code attachedName}: name; null for a singular test of several nodes),
 * where it is declared ({@code uri}, {@code range}) and its {@code lastRun} from the run history
 * (null before its first run).
 */
public record ProjectTest(
    String uniqueId,
    String name,
    String resourceType,
    String attachedTo,
    String attachedName,
    String uri,
    Range range,
    LastRun lastRun) {}
