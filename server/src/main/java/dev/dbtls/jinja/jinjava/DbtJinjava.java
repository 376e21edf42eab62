package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import jinjava.de.odysseus.el.ExpressionFactoryImpl;
import jinjava.de.odysseus.el.tree.TreeStore;
import jinjava.de.odysseus.el.tree.impl.Cache;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ExpressionFactory;

/** Jinjava configured for dbt: Python expressions, dbt's tags, Python printing. */
final class DbtJinjava extends Jinjava {
  private final TreeStore trees = new BoundedTreeStore();
  private final ExpressionFactory expressions = new ExpressionFactoryImpl(trees, new PyTruth());

  private final GlobalScope scope;

  DbtJinjava() {
    super(config());
    scope = new GlobalScope(super.getGlobalContext());
    getGlobalContext().setExpressionStrategy(new PythonOutput());
    registerTag(new MacroTag());
    registerTag(new ForTag());
    registerTag(new IfTag());
    registerTag(new SetTag());
    registerTag(new CallBlockTag());
    registerTag(new FilterBlockTag());
    registerTag(new WithTag());
    registerTag(new LoopControlTag(true));
    registerTag(new LoopControlTag(false));
    for (String t : new String[] {"materialization", "test", "data_test", "docs", "snapshot"}) {
      registerTag(new BlockDefinitionTag(t));
    }
    DbtFilters.register(this);
  }

  /**
   * Expressions parsed once and cached; one nested deeper than {@link
   * RenderLimits#MAX_EXPRESSION_DEPTH} brackets is refused before the (recursive) parser sees it:
   * 5,000 parentheses took it 20 s to end in a StackOverflowError.
   */
  private static final class BoundedTreeStore extends TreeStore {
    BoundedTreeStore() {
      super(new PySyntaxBuilder(), new Cache(4000));
    }

    @Override
    public jinjava.de.odysseus.el.tree.Tree get(String expression) {
      if (expression.length() > 2 * RenderLimits.MAX_EXPRESSION_DEPTH
          && RenderLimits.depth(expression) - (expression.startsWith("#{") ? 1 : 0)
              > RenderLimits.MAX_EXPRESSION_DEPTH) {
        throw RenderLimits.fail(
            dev.dbtls.project.ProblemCode.JINJA_TOO_DEEP,
            "expression nested more than "
                + RenderLimits.MAX_EXPRESSION_DEPTH
                + " brackets deep; the render stops here");
      }
      return super.get(expression);
    }
  }

  static JinjavaConfig config() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new PyResolver());
    resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_WRITE);
    return JinjavaConfig.newBuilder()
        .withElResolver(resolver)
        .withNestedInterpretationEnabled(false)
        .withFailOnUnknownTokens(false)
        .withEnableRecursiveMacroCalls(true)
        .withMaxMacroRecursionDepth(200)
        .withMaxOutputSize(RenderLimits.MAX_STRING)
        .withMaxStringLength(RenderLimits.MAX_STRING)
        .withMaxListSize((int) RenderLimits.MAX_ITEMS)
        .withMaxMapSize((int) RenderLimits.MAX_ITEMS)
        .withLegacyOverrides(
            LegacyOverrides.newBuilder()
                .withUseTrimmingForNotesAndExpressions(true)
                .withUsePyishObjectMapper(true)
                .withKeepNullableLoopValues(true)
                .withIterateOverMapKeys(true)
                .withEvaluateMapKeys(true)
                .withUseNaturalOperatorPrecedence(true)
                .withParseWhitespaceControlStrictly(true)
                .withHandleBackslashInQuotesOnly(true)
                .build())
        .build();
  }

  /** Parses an expression the way rendering will (and caches it); throws on a syntax error. */
  void parseExpression(String expression) {
    trees.get("#{" + expression.trim() + "}");
  }

  @Override
  public com.hubspot.jinjava.interpret.Context getGlobalContext() {
    return scope == null ? super.getGlobalContext() : scope;
  }

  @Override
  public ExpressionFactory getExpressionFactory() {
    return expressions;
  }
}
