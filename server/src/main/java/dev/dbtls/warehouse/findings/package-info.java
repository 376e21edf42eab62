/**
 * What looks wrong in a query plan: one {@link dev.dbtls.warehouse.findings.PlanRule} per kind of
 * finding, run over every step by {@link dev.dbtls.warehouse.findings.PlanFindings}. Pure: reads
 * the plan and the table sizes only; never throws on odd plans.
 */
package dev.dbtls.warehouse.findings;
