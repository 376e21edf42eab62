package dev.dbtls.protocol;

/** A value and how many rows have it. */
public record TopValue(Object value, long count) {}
