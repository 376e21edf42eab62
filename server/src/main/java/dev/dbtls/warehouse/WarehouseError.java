package dev.dbtls.warehouse;

import dev.dbtls.project.ProblemCode;

/**
 * What went wrong talking to a warehouse, as one sentence a user can act on: which target, which
 * host or file, what failed. Never a stack trace, never a credential.
 */
public record WarehouseError(ProblemCode code, String message) {
  public static WarehouseError of(ProblemCode code, String message) {
    return new WarehouseError(code, message);
  }
}
