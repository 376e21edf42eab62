package dev.dbtls.ide;

import static dev.dbtls.ide.FeatureChecks.checkCompletion;
import static dev.dbtls.ide.FeatureChecks.checkDefinition;
import static dev.dbtls.ide.FeatureChecks.checkHover;

import org.junit.jupiter.api.Test;

/**
 * Completion, hover and go-to-definition of columns inferred from the parents' SQL: the columns
 * behind an alias of a ref, behind a CTE, in a model's YAML {@code columns:}; hover says where a
 * column comes from; definition jumps to the select item that produces it.
 */
class ColumnFeaturesTest {
  private static final String PARENTS =
      """
      -- file: models/stg_payments.sql
      with src as (select * from {{ source('raw', 'orders') }})
      select id as payment_id, cast(amount as decimal(10, 2)) as amount_usd, status from src
      -- file: models/payments_yml.yml
      version: 2
      models:
        - name: stg_payments
          columns:
            - name: amount_usd
              description: Paid, in dollars.
      """;

  @Test
  void afterARefAliasItsInferredColumns() {
    checkCompletion(
            PARENTS
                + """
        -- file: models/report.sql
        select p.$0 from {{ ref('stg_payments') }} p
        """,
            "payment_id",
            "amount_usd",
            "status")
        .only(CompletionKind.COLUMN);
  }

  @Test
  void afterACteNameTheColumnsItSelects() {
    checkCompletion(
        PARENTS
            + """
        -- file: models/report.sql
        with agg as (select payment_id, sum(amount_usd) as total from {{ ref('stg_payments') }} group by 1)
        select agg.$0 from agg
        """,
        "payment_id",
        "total");
  }

  @Test
  void inTheSelectListTheColumnsOfTheRelationsRead() {
    checkCompletion(
        PARENTS
            + """
        -- file: models/report.sql
        select amo$0 from {{ ref('stg_payments') }}
        """,
        "amount_usd");
  }

  @Test
  void hoverShowsTypeDescriptionAndWhereItIsProduced() {
    checkHover(
        PARENTS
            + """
        -- file: models/report.sql
        select amount_u$0sd from {{ ref('stg_payments') }}
        """,
        "`amount_usd`",
        "`decimal(10, 2)`",
        "Paid, in dollars.",
        "produced by `cast(amount as decimal(10, 2)) as amount_usd` in models/stg_payments.sql",
        "type from the SQL",
        "computed from `orders.amount`");
  }

  @Test
  void definitionGoesToTheSelectItemOfTheParent() {
    checkDefinition(
        PARENTS
            + """
        -- file: models/report.sql
        select payment$0_id from {{ ref('stg_payments') }}
        """,
        "models/stg_payments.sql:2:8");
  }

  @Test
  void yamlColumnsOfAModelOfferItsInferredColumns() {
    checkCompletion(
        PARENTS
            + """
        -- file: models/report.sql
        select p.payment_id, p.amount_usd * 2 as doubled from {{ ref('stg_payments') }} p
        -- file: models/report.yml
        version: 2
        models:
          - name: report
            columns:
              - name: $0
        """,
        "payment_id",
        "doubled");
  }
}
