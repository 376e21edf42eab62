package dev.dbtls.warehouse;

/**
 * A result column.
 *
 * @param databaseType the database's own type name (int4, VARCHAR, TIMESTAMP WITH TIME ZONE)
 * @param type the normalized type (see {@link ColumnTypes})
 */
public record PreviewColumn(String name, String databaseType, String type) {}
