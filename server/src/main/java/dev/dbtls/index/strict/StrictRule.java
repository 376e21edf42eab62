package dev.dbtls.index.strict;

import java.util.List;

/**
 * One deprecation of dbt's strict spec: adds to {@code out} what it finds in {@code file}. May
 * throw on surprises ({@link StrictSpec} drops that rule's findings for the file); should return
 * quickly for the files it does not concern ({@link StrictFile#kind()}).
 */
public interface StrictRule {
  void check(StrictFile file, List<Deprecation> out);
}
