package dev.dbtls.protocol;

/** An edge of a lineage answer: {@code to} depends on {@code from} (unique ids). */
public record LineageEdge(String from, String to) {}
