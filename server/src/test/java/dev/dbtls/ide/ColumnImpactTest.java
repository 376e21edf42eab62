package dev.dbtls.ide;

import static dev.dbtls.ide.FeatureChecks.checkCodeAction;
import static dev.dbtls.ide.FeatureChecks.checkDiagnostics;

import org.junit.jupiter.api.Test;

/**
 * Impact of a model's columns on the open file, from the inferred columns: a read of a column the
 * parent does not produce, in the child and (used by N models) in the parent; YAML columns not
 * produced and produced columns not in YAML, as hints.
 */
class ColumnImpactTest {
  private static final String PROJECT =
      """
      -- file: models/stg_pay.sql
      select id as payment_id, amount_cents / 100 as amount_usd from {{ source('raw', 'orders') }}
      -- file: models/a.sql
      select p.payment_id, p.amount from {{ ref('stg_pay') }} p
      -- file: models/b.sql
      select amount from {{ ref('stg_pay') }}
      """;

  @Test
  void aReadOfAColumnTheParentDoesNotProduceIsAWarningInTheChild() {
    checkDiagnostics(
        PROJECT.replace("-- file: models/a.sql", "-- file: models/a.sql")
            + """
        -- file: models/c.sql
        $0select p.amount from {{ ref('stg_pay') }} p
        """,
        "column-unknown@1");
  }

  @Test
  void aliasesOfTheSelectListInQualifyAndOrderByAreNoUnknownColumns() {
    checkDiagnostics(
        PROJECT
            + """
        -- file: models/c.sql
        $0select payment_id, row_number() over (order by amount_usd) as rn from {{ ref('stg_pay') }}
        qualify rn = 1 order by rn
        """);
  }

  @Test
  void theParentSaysWhichModelsUseAColumnItNoLongerProduces() {
    checkDiagnostics(
        PROJECT.replace("-- file: models/stg_pay.sql\n", "-- file: models/stg_pay.sql\n$0"),
        "column-used-downstream@1");
  }

  private static final String DOCUMENTED =
      PROJECT
          + """
      -- file: models/d.sql
      select p.payment_id, p.amount_usd * 2 as doubled from {{ ref('stg_pay') }} p
      -- file: models/d.yml
      version: 2
      models:
        - name: d
          columns:
            - name: payment_id
            - name: gone
      """;

  @Test
  void producedColumnsNotInYamlAreHintsAtTheirSelectItem() {
    checkDiagnostics(
        DOCUMENTED.replace(
            "select p.payment_id, p.amount_usd", "$0select p.payment_id, p.amount_usd"),
        "column-undocumented@1");
  }

  @Test
  void yamlColumnsTheSqlDoesNotProduceAreHintsAtTheirEntry() {
    checkDiagnostics(
        DOCUMENTED.replace("      - name: gone", "      - name: gone$0"), "column-not-produced@6");
  }

  @Test
  void theQuickFixRemovesTheEntryAndWhatIsIndentedUnderIt() {
    checkCodeAction(
        PROJECT
            + """
        -- file: models/d.sql
        select p.payment_id from {{ ref('stg_pay') }} p
        -- file: models/d.yml
        version: 2
        models:
          - name: d
            columns:
              - name: gone$0
                description: Was here.
                tests: [not_null]
              - name: payment_id
        """,
        "Remove column from the YAML (the model does not produce it)",
        """
        version: 2
        models:
          - name: d
            columns:
              - name: payment_id
        """);
  }

  @Test
  void theQuickFixAddsAnUndocumentedColumnToTheYamlWithItsType() {
    checkCodeAction(
        PROJECT
            + """
        -- file: models/d.sql
        select p.payment_id, cast(p.amount_usd * 2 as double) as $0doubled from {{ ref('stg_pay') }} p
        -- file: models/d.yml
        version: 2
        models:
          - name: d
            columns:
              - name: payment_id
                description: The payment.
        exposures: []
        """,
        "Add column doubled to models/d.yml (double)",
        """
        version: 2
        models:
          - name: d
            columns:
              - name: payment_id
                description: The payment.
              - name: doubled
                data_type: double
        exposures: []
        """);
  }
}
