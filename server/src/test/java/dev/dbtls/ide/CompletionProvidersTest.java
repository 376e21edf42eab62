package dev.dbtls.ide;

import static dev.dbtls.ide.FeatureChecks.checkCompletion;
import static dev.dbtls.ide.FeatureChecks.checkNoCompletion;

import org.junit.jupiter.api.Test;

/**
 * The completion providers' own rules not shown elsewhere: where the cursor context says there is
 * nothing to offer, which call a provider answers for, what it leaves out.
 */
class CompletionProvidersTest {
  @Test
  void theContextOffersNothingAfterAValueOnDelimitersOrInAComment() {
    checkNoCompletion(
        """
        -- file: models/x.sql
        select {{ 'abc'$0 }}
        """);
    checkNoCompletion(
        """
        -- file: models/x.sql
        select {$0{ ref('orders') }}
        """);
    checkNoCompletion(
        """
        -- file: models/x.sql
        select {# ref('$0') #}
        """);
    checkNoCompletion(
        """
        -- file: models/x.sql
        select {{ 12$03 }}
        """);
  }

  @Test
  void macroParametersLeaveOutThoseGivenByKeywordOrPosition() {
    checkCompletion(
            """
        -- file: models/x.sql
        select {{ cents_to_dollars(scale=3, $0) }}
        """,
            "col=")
        .without("scale=");
    checkCompletion(
            """
        -- file: models/x.sql
        select {{ cents_to_dollars('amount', $0) }}
        """,
            "scale=")
        .without("col=");
  }

  @Test
  void configRequireOffersConfigKeysUnquoted() {
    checkCompletion(
            """
        -- file: macros/m.sql
        {% macro m() %}{% set s = config.require('materi$0') %}{% endmacro %}
        """,
            "materialized")
        .only(CompletionKind.CONFIG_KEY);
  }

  @Test
  void aPackageNameBeforeTheDotOffersItsMacrosOnly() {
    checkCompletion(
            """
        -- file: models/x.sql
        select {{ util.$0 }}
        """,
            "star")
        .only(CompletionKind.MACRO)
        .count(1);
  }

  @Test
  void refInAPackageArgumentOffersThatPackagesNodes() {
    checkCompletion(
            """
        -- file: models/x.sql
        select * from {{ ref('util', '$0') }}
        """,
            "util_model")
        .without("customers", "util");
  }
}
