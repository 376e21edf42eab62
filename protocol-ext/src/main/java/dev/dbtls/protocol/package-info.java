/** The dbtls custom protocol: request and response records for the {@code dbt/*} requests. */
package dev.dbtls.protocol;
