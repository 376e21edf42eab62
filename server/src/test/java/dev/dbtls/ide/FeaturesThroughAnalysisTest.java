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
import static dev.dbtls.ide.FeatureChecks.checkNotOffered;
import static dev.dbtls.ide.FeatureChecks.checkReferences;
import static dev.dbtls.ide.FeatureChecks.checkRename;
import static dev.dbtls.ide.FeatureChecks.checkRenameRefused;
import static dev.dbtls.ide.FeatureChecks.checkSymbols;
import static dev.dbtls.ide.FeatureChecks.completion;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sweep of every editor feature over one shop project, through {@link Analysis#strict}: each
 * case a few lines in {@link FeatureChecks}' language. The feature classes' own tests go deeper.
 */
class FeaturesThroughAnalysisTest {

  // ---------------------------------------------------------------- completion

  @Test
  void completionInRefSourceVarConfigAndMacros() {
    checkCompletion("""
        -- file: models/x.sql
        select * from {{ ref('$0') }}
        """, "customers", "dim_orders", "stg_customers", "stg_orders");
    checkNotOffered("""
        -- file: models/x.sql
        select * from {{ ref('$0') }}
        """, "x"); // a model never refs itself
    checkCompletion("""
        -- file: models/x.sql
        select * from {{ ref('stg_o$0') }}
        """, "stg_orders");
    checkCompletion("""
        -- file: models/x.sql
        select * from {{ source('$0') }}
        """, "raw");
    checkCompletion("""
        -- file: models/x.sql
        select * from {{ source('raw', '$0') }}
        """, "customers", "orders");
    checkCompletion("""
        -- file: models/x.sql
        select '{{ var('$0') }}'
        """, "start_date");
    checkCompletion("""
        -- file: models/x.sql
        {{ config(materialized='$0') }}
        """, "table", "view");
    checkCompletion("""
        -- file: models/x.sql
        select {{ cents$0 }}
        """, "cents_to_dollars");
  }

  @Test
  void completionOfColumnsAfterAnAlias() {
    checkCompletion("""
        -- file: models/x.sql
        with c as (select * from {{ ref('customers') }})
        select c.$0 from c
        """, "id");
  }

  @Test
  void nothingToCompleteIsAnEmptyListNotAFailure() {
    checkNoCompletion("""
        -- file: models/x.sql
        -- a comment with {# jinja comment $0 #}
        """);
    checkCompletion("""
        -- file: models/x.sql
        """ + "$0", "select", "with"); // an empty model: start writing SQL
    completion("""
        -- file: models/x.sql
        select * from {{ ref($0""");
    completion("""
        -- file: models/schema2.yml
        version: 2
        models:
          - name: $0""");
  }

  // ---------------------------------------------------------------- navigation

  @Test
  void hoverOnRefSourceMacroAndVar() {
    checkHover("""
        -- file: models/x.sql
        select * from {{ ref('custo$0mers') }}
        """, "customers", "One row per customer.");
    checkHover("""
        -- file: models/x.sql
        select * from {{ source('raw', 'ord$0ers') }}
        """, "orders", "Raw orders.");
    checkHover("""
        -- file: models/x.sql
        select {{ cents_to_$0dollars('amount') }}
        """, "cents_to_dollars");
    checkHover("""
        -- file: models/x.sql
        select '{{ var('start_$0date') }}'
        """, "2020-01-01");
    checkNoHover("""
        -- file: models/x.sql
        sel$0ect 1
        """);
  }

  @Test
  void definitionOfRefSourceMacroAndDoc() {
    checkDefinition("""
        -- file: models/x.sql
        select * from {{ ref('stg_cus$0tomers') }}
        """, "models/staging/stg_customers.sql:1");
    checkDefinition("""
        -- file: models/x.sql
        select * from {{ source('raw', 'cust$0omers') }}
        """, "models/sources.yml:11");
    checkDefinition("""
        -- file: models/x.sql
        select {{ cents_to_dol$0lars('a') }}
        """, "macros/cents.sql:1");
  }

  @Test
  void referencesAndHighlights() {
    checkReferences("""
        -- file: models/x.sql
        select * from {{ ref('stg_cus$0tomers') }}
        """, "models/customers.sql:2", "models/staging/stg_customers.sql:1", "models/x.sql:1");
    checkHighlights("""
        -- file: models/x.sql
        with o$0 as (select 1), p as (select * from o)
        select * from o join p on true
        """, 3);
  }

  // ---------------------------------------------------------------- diagnostics

  @Test
  void diagnosticsOfAnOpenFile() {
    checkDiagnostics("""
        -- file: models/x.sql
        select * from {{ ref('stg_ordrs') }} $0
        """, "ref-unknown@1");
    checkDiagnostics("""
        -- file: models/x.sql
        select * from {{ ref('stg_orders') }} $0
        """);
    checkDiagnostics("""
        -- file: models/x.sql
        select {{ no_such_macro() }} $0
        """, "undefined-macro@1");
  }

  // ---------------------------------------------------------------- outline

  @Test
  void symbolsFoldingLinksAndLensesOfAModel() {
    String model = """
        -- file: models/x.sql
        with o as (
          select * from {{ ref('stg_orders') }}
        ),
        c as (
          select * from {{ source('raw', 'customers') }}
        )
        {% if is_incremental() %}
        select 1
        {% endif %}
        select * from o, c $0
        """;
    checkSymbols(model, "o", "c");
    checkFolding(model, "1-2", "4-5", "7-8"); // the closing line stays visible
    checkLinks(model, "models/staging/stg_orders.sql", "models/sources.yml");
    checkLenses(model, "▶ Preview", "Explain", "Benchmark", "Compiled SQL", "Lineage");
  }

  // ---------------------------------------------------------------- editing

  @Test
  void renameACteAndAModel() {
    checkRename("""
        -- file: models/x.sql
        with o$0 as (select 1 as id)
        select * from o
        """, "orders", Map.of("models/x.sql", "with orders as (select 1 as id)\nselect * from orders\n"));
    checkRename("""
        -- file: models/x.sql
        select * from {{ ref('stg_cus$0tomers') }}
        """, "stg_clients", Map.of(
            "models/x.sql", "select * from {{ ref('stg_clients') }}\n",
            "models/customers.sql", "{{ config(materialized='table') }}\nselect * from {{ ref('stg_clients') }}\n"));
    checkRenameRefused("""
        -- file: models/x.sql
        select 1 as i$0d
        """, "key", "");
  }

  @Test
  void aQuickFixForAnUnknownRef() {
    checkCodeAction("""
        -- file: models/x.sql
        select * from {{ ref('stg_ordrs$0') }}
        """, "Change to 'stg_orders'", "select * from {{ ref('stg_orders') }}\n");
  }
}
