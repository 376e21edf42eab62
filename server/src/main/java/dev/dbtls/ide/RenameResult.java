package dev.dbtls.ide;

/**
 * What a rename answers: the change to make, or (then {@code change} is null) why it cannot be
 * made.
 */
public record RenameResult(WorkspaceChange change, String error) {

  static RenameResult of(WorkspaceChange change) {
    return new RenameResult(change, null);
  }

  static RenameResult failed(String why) {
    return new RenameResult(null, why);
  }

  public boolean ok() {
    return error == null;
  }
}
