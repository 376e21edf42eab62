package dev.dbtls.protocol;

/** A range as LSP has it, end exclusive. */
public record Range(Position start, Position end) {}
