package dev.dbtls.protocol;

/** A position as LSP has it: 0-based line and UTF-16 character offset in that line. */
public record Position(int line, int character) {}
