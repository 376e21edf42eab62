package dev.dbtls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.project.properties.FunctionSpec;
import dev.dbtls.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * dbt 1.11's user-defined functions: a body in {@code function-paths} is a node {@code
 * function.<package>.<name>} with its YAML properties and project configs, {@code function('x')}
 * renders the function's relation and makes it a parent, an unknown one is {@code function-unknown}
 * at the call.
 */
class FunctionsTest {
  private static final Fixture F =
      Fixture.of(
          """
      -- file: dbt_project.yml
      name: shop
      profile: shop
      function-paths: ["udfs"]
      functions:
        shop:
          +schema: fn
      -- file: udfs/text/clean_name.sql
      lower(trim(name))
      -- file: udfs/schema.yml
      functions:
        - name: clean_name
          description: A name, trimmed and lower case
          config:
            volatility: deterministic
          arguments:
            - name: name
              data_type: varchar
          returns:
            data_type: varchar
        - name: not_written
          returns:
            data_type: int
      -- file: models/customers.sql
      select {{ function('clean_name') }}(name) as name, {{ function('clean_nme') }}(x) as y
      from {{ ref('raw') }}
      -- file: seeds/raw.csv
      name,x
      Ann,1
      """);

  private static final ProjectSnapshot S = F.snapshot();
  private static final Manifest M = S.manifest();

  @Test
  void aFunctionIsANodeWithItsProperties() {
    Node f = M.nodes().get("function.shop.clean_name");
    assertEquals(ResourceType.FUNCTION, f.type(), M.nodes().keySet().toString());
    assertEquals(List.of("shop", "text", "clean_name"), f.fqn());
    assertEquals("udfs/text/clean_name.sql", f.originalFilePath());
    assertEquals("function", f.materialized());
    assertEquals("scalar", f.config().get("type"));
    assertEquals("deterministic", f.config().get("volatility"));
    assertEquals("A name, trimmed and lower case", f.description());
    assertEquals("main_fn", f.relation().schema());
    FunctionSpec spec = (FunctionSpec) f.extra().get(Node.FUNCTION_SPEC);
    assertEquals("varchar", spec.returnType());
    assertEquals("name", spec.arguments().get(0).name());
  }

  @Test
  void aModelCallingAFunctionDependsOnIt() {
    Node m = M.nodes().get("model.shop.customers");
    assertEquals(List.of("seed.shop.raw", "function.shop.clean_name"), m.dependsOn());
    assertTrue(M.dag().childrenOf("function.shop.clean_name").contains(m.uniqueId()));
  }

  @Test
  void anUnknownFunctionIsLocatedAtItsCall() {
    Problem p =
        M.problems().stream()
            .filter(x -> x.code() == ProblemCode.FUNCTION_UNKNOWN)
            .findFirst()
            .orElseThrow(() -> new AssertionError(M.problems().toString()));
    assertEquals("models/customers.sql", p.file());
    assertEquals(0, p.line());
    String text = F.text("models/customers.sql");
    assertEquals(text.indexOf("function('clean_nme')"), p.column());
    assertTrue(p.message().contains("did you mean 'clean_name'"), p.message());
  }

  @Test
  void aDescribedFunctionWithoutBodyIsReported() {
    assertTrue(
        M.problems().stream()
            .anyMatch(
                p ->
                    p.code() == ProblemCode.PROPERTY_UNKNOWN_NODE
                        && p.message().startsWith("function 'not_written' is described here")),
        M.problems().toString());
  }

  @Test
  void functionRendersTheRelationAndTheBodyCompiles() {
    NodeCompiler c = new NodeCompiler(S);
    CompiledNode model = c.compile(M.nodes().get("model.shop.customers"));
    assertTrue(
        model.sql().startsWith("select \"shop\".\"main_fn\".\"clean_name\"(name) as name"),
        model.sql());
    CompiledNode body = c.compile(M.nodes().get("function.shop.clean_name"));
    assertEquals("lower(trim(name))", body.sql().strip());
    assertTrue(body.problems().isEmpty(), body.problems().toString());
  }
}
