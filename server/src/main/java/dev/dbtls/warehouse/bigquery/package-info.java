/**
 * The BigQuery engine: Google's client library (google-cloud-bigquery) behind {@link
 * dev.dbtls.warehouse.ClientEngine}. Loaded with that library by its own class loader ({@code
 * EngineLoader}) when a bigquery target opens; nothing outside this package refers to it.
 */
package dev.dbtls.warehouse.bigquery;
