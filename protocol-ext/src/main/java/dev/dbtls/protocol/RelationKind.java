package dev.dbtls.protocol;

/** What a warehouse relation is: a table, a view (materialized or not) or anything else listed. */
public enum RelationKind {
  TABLE,
  VIEW,
  OTHER
}
