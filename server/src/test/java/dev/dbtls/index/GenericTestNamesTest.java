package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generic test names as dbt synthesizes them (its {@code synthesize_generic_test_names}); the md5
 * values below are Python's {@code hashlib.md5(full_name).hexdigest()}.
 */
class GenericTestNamesTest {
  @Test
  void aShortNameIsTheFullName() {
    GenericTestNames.Names n =
        GenericTestNames.names(
            "not_null",
            "orders",
            Map.of("column_name", "id", "model", "{{ get_where_subquery(ref('orders')) }}"));
    assertEquals(new GenericTestNames.Names("not_null_orders_id", "not_null_orders_id"), n);
  }

  @Test
  void sixtyFourCharactersOrMoreAreHashed() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("to", "ref('stg_customers')");
    args.put("field", "customer_id");
    args.put("column_name", "customer_id");
    GenericTestNames.Names n = GenericTestNames.names("relationships", "stg_orders", args);
    assertEquals(
        "relationships_stg_orders_customer_id__customer_id__ref_stg_customers_", n.fullName());
    assertEquals("relationships_stg_orders_96411fe0c89b49c3f4da955dfd358ba0", n.shortName());
  }

  @Test
  void unsafeRunsBecomeOneUnderscoreAsDbtsRegularExpression() {
    java.util.regex.Pattern dbts = java.util.regex.Pattern.compile("[^0-9a-zA-Z_]+");
    for (String s :
        List.of(
            "",
            "id",
            "ref('stg_customers')",
            "--a  b--",
            "_x_",
            "a.b.c",
            "\u00e9t\u00e9 caf\u00e9",
            "emoji \ud83d\ude00 here",
            "\ud83d\ude00",
            "tab\tand\nline",
            "0-9",
            "Z_z")) {
      assertEquals(dbts.matcher(s).replaceAll("_"), GenericTestNames.safe(s), s);
    }
    String plain = "customer_id";
    org.junit.jupiter.api.Assertions.assertSame(plain, GenericTestNames.safe(plain));
  }

  @Test
  void pythonSpellingOfBooleansAndNone() {
    Map<String, Object> args = new LinkedHashMap<>();
    args.put("strictly", true);
    args.put("column_name", "amount");
    args.put("x", null);
    assertEquals(
        "is_positive_orders_amount__True__None",
        GenericTestNames.names("is_positive", "orders", args).fullName());
  }

  @Test
  void noArgumentsLeaveTheTrailingUnderscore() {
    assertEquals(
        "has_rows_orders_", GenericTestNames.names("has_rows", "orders", Map.of()).fullName());
  }

  @Test
  void aSourceTestOfAPackageNamesTheNamespaceFirst() {
    var m =
        ManifestBuilder.build(
            dev.dbtls.testing.Fixture.of(
                    """
        -- file: models/sources.yml
        version: 2
        sources:
          - name: shop
            tables:
              - name: orders
                columns:
                  - name: amount_cents
                    tests:
                      - dbt_utils.expression_is_true:
                          expression: ">= 0"
        """)
                .load());
    List<Node> tests =
        m.nodes().values().stream().filter(x -> x.type() == ResourceType.TEST).toList();
    assertEquals(1, tests.size());
    // 64 characters: hashed; the full name stays in the fqn, the short one is the alias
    assertEquals(
        "dbt_utils_source_expression_is_true_shop_orders_amount_cents___0",
        tests.get(0).fqn().get(tests.get(0).fqn().size() - 1));
    assertEquals(
        "dbt_utils_source_expression_is_1bfd6d07ee48c0e94c4098a00fa77bfb", tests.get(0).name());
    assertEquals(tests.get(0).name(), tests.get(0).config().get("alias"));
  }
}
