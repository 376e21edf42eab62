package dev.dbtls.ide;

import static dev.dbtls.ide.FeatureChecks.checkCodeAction;
import static dev.dbtls.ide.FeatureChecks.checkCompletion;
import static dev.dbtls.ide.FeatureChecks.checkDefinition;
import static dev.dbtls.ide.FeatureChecks.checkDiagnostics;
import static dev.dbtls.ide.FeatureChecks.checkFolding;
import static dev.dbtls.ide.FeatureChecks.checkHighlights;
import static dev.dbtls.ide.FeatureChecks.checkHover;
import static dev.dbtls.ide.FeatureChecks.checkLenses;
import static dev.dbtls.ide.FeatureChecks.checkLinks;
import static dev.dbtls.ide.FeatureChecks.checkNoCompletion;
import static dev.dbtls.ide.FeatureChecks.checkNoHover;
import static dev.dbtls.ide.FeatureChecks.checkNoNavigation;
import static dev.dbtls.ide.FeatureChecks.checkNoRename;
import static dev.dbtls.ide.FeatureChecks.checkReferences;
import static dev.dbtls.ide.FeatureChecks.checkRename;
import static dev.dbtls.ide.FeatureChecks.checkSymbols;
import static dev.dbtls.ide.CompletionKind.MODEL;
import static dev.dbtls.ide.CompletionKind.PACKAGE;

import org.junit.jupiter.api.Test;

/**
 * Every editor feature over the one shop of {@link FeatureChecks#SHOP}, through {@link
 * Analysis#strict}: a feature that throws fails here instead of answering empty.
 */
class FeaturesThroughAnalysisTest {

  // ------------------------------------------------------------------------------ completion

  @Test
  void completionOfRefNamesEachModelOnce() {
    checkCompletion("""
        -- file: models/x.sql
        select * from {{ ref('$0') }}
        """, "customers", "dim_orders", "orders", "stg_customers", "stg_orders")
        .only(MODEL, PACKAGE).count(8);
  }

  @Test
  void completionOfRefByPrefix() {
    checkCompletion("""
        -- file: models/x.sql
        select * from {{ ref('stg_$0') }}
        """, "stg_customers", "stg_orders").inOrder().without("customers");
  }

  @Test
  void completionOfSourceNamesThenTables() {
    checkCompletion("""
        -- file: models/x.sql
        select * from {{ source('$0') }}
        """, "raw").count(1);
    checkCompletion("""
        -- file: models/x.sql
        select * from {{ source('raw', '$0') }}
        """, "customers", "orders").count(2);
  }

  /** The root project's vars and those scoped to it; a package's own are not visible. */
  @Test
  void completionOfVars() {
    checkCompletion("""
        -- file: models/x.sql
        select '{{ var('$0') }}'
        """, "region", "start_date").count(2).without("util_flag");
  }

  @Test
  void completionOfMaterializations() {
    checkCompletion("{{ config(materialized='$0table') }}", "table", "view", "incremental", "ephemeral")
        .without("region", "cents_to_dollars");
  }

  @Test
  void completionOfMacroNames() {
    checkCompletion("""
        -- file: models/x.sql
        select {{ cents$0 }}
        """, "cents_to_dollars", "current_timestamp").inOrder();
  }

  @Test
  void completionOfColumnsOfTheRelationsRead() {
    checkCompletion("""
        -- file: models/x.sql
        select $0 from {{ ref('customers') }}
        """, "id", "coalesce").inOrder();
  }

  // ------------------------------------------------------------------------------ hover

  @Test
  void hoverOnRefSourceMacroVarAndColumn() {
    checkHover("{{ ref('stg_$0orders') }}", "stg_orders");
    checkHover("""
        -- file: models/x.sql
        select * from {{ source('raw', 'ord$0ers') }}
        """, "Raw orders.");
    checkHover("{{ cents_to_$0dollars('amount') }}", "Converts cents to dollars.");
    checkHover("{{ var(\"start$0_date\") }}", "2020-01-01");
    checkHover("""
        -- file: models/x.sql
        select i$0d from {{ ref('customers') }}
        """, "The key.");
  }

  // ------------------------------------------------------------------------------ navigation

  @Test
  void definitionOfRefSourceMacroAndDoc() {
    checkDefinition("{{ ref('stg_$0orders') }}", "models/staging/stg_orders.sql:1");
    checkDefinition("""
        -- file: models/x.sql
        select * from {{ source('raw', 'ord$0ers') }}
        """, "models/sources.yml:9:15");
    checkDefinition("{{ cents_to_$0dollars('amount') }}", "macros/cents.sql:1:10");
    checkDefinition("doc('order_$0status')", "models/docs.md:1");
  }

  @Test
  void referencesOfAModelAndAMacro() {
    checkReferences("{{ ref('stg_$0orders') }}", "models/staging/stg_orders.sql:1", "models/orders.sql:3");
    checkReferences("{% macro cents_$0to_dollars(col, scale=2) %}", "macros/cents.sql:1", "models/orders.sql:6");
  }

  @Test
  void highlightsOfACte() {
    checkHighlights("select id, {{ cents_to_dollars('amount') }} as amount from pa$0id",
        "2:6 write", "6:64 read");
  }

  // ------------------------------------------------------------------------------ diagnostics

  @Test
  void diagnosticsOfAnUnknownRef() {
    checkDiagnostics("""
        -- file: models/x.sql
        select 1 as id
        union all
        select * from {{ ref('stg_ordrs$0') }}
        """, "ref-unknown@3");
  }

  @Test
  void cleanFilesHaveNoDiagnostics() {
    checkDiagnostics("with pa$0id as (");
    checkDiagnostics("select * from {{ ref('stg_$0customers') }}");
    checkDiagnostics("{% macro cents_$0to_dollars(col, scale=2) %}");
  }

  // ------------------------------------------------------------------------------ whole documents

  @Test
  void outlineFoldingLinksAndLensesOfAModel() {
    String orders = "with pa$0id as (";
    checkSymbols(orders, "config config (materialized='incremental')", "cte paid", "cte final");
    checkFolding(orders, "2-3", "5-6");
    checkLinks(orders, "stg_orders -> models/staging/stg_orders.sql:1");
    checkLenses(orders, "▶ Preview@1", "Explain@1", "Benchmark@1", "Compiled SQL@1", "Lineage@1");
  }

  // ------------------------------------------------------------------------------ changes

  @Test
  void renameAModel() {
    checkRename("{{ ref('stg_$0customers') }}", "stg_clients",
        "models/customers.sql:2: select * from {{ ref('stg_clients') }}",
        "models/staging/stg_customers.sql -> models/staging/stg_clients.sql");
  }

  @Test
  void renameACte() {
    checkRename("with pa$0id as (", "settled",
        "models/orders.sql:2: with settled as (",
        "models/orders.sql:6:     select id, {{ cents_to_dollars('amount') }} as amount from settled");
  }

  @Test
  void renameToATakenNameIsRefused() {
    checkNoRename("{{ ref('stg_$0customers') }}", "customers", "customers");
  }

  @Test
  void quickFixOfAnUnknownRef() {
    checkCodeAction("""
        -- file: models/x.sql
        select * from {{ ref('stg_ordrs$0') }}
        """, "Change to 'stg_orders'", "select * from {{ ref('stg_orders') }}");
  }

  // ------------------------------------------------------------------------------ nothing to say

  @Test
  void nothingInASqlComment() {
    String spec = """
        -- file: models/x.sql
        -- reads ref('stg_or$0ders') later
        select 1 as id
        """;
    checkNoCompletion(spec);
    checkNoNavigation(spec);
  }

  @Test
  void nothingInAJinjaComment() {
    String spec = "{# Converts cents$0 to dollars. #}";
    checkNoCompletion(spec);
    checkNoNavigation(spec);
  }

  @Test
  void nothingInAStringLiteral() {
    String spec = """
        -- file: models/x.sql
        select 'paid in ce$0nts' as note
        """;
    checkNoCompletion(spec);
    checkNoNavigation(spec);
  }

  @Test
  void halfTypedRefAtTheEndOfTheFile() {
    String spec = """
        -- file: models/x.sql
        select * from {{ ref($0
        """;
    checkCompletion(spec);
    checkNoNavigation(spec);
    checkSymbols(spec);
    checkFolding(spec);
  }

  @Test
  void anEmptyFile() {
    String spec = """
        -- file: models/empty.sql
        $0
        """;
    checkCompletion(spec);
    checkNoNavigation(spec);
    checkSymbols(spec);
    checkFolding(spec);
    checkLinks(spec);
    checkDiagnostics(spec);
  }

  @Test
  void nothingOnAKeyword() {
    checkNoHover("""
        -- file: models/x.sql
        sel$0ect 1 as id
        """);
  }
}
