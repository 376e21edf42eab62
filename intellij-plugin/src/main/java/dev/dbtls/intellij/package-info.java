/**
 * The IntelliJ plugin's parts that need no IntelliJ Platform: the client of the dbt/* protocol and
 * the views as Swing components over protocol-ext records (issue 14).
 */
package dev.dbtls.intellij;
