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
  private final TreeStore trees = new TreeStore(new PySyntaxBuilder(), new Cache(4000));
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
    for (String t : new String[] {"materialization", "test", "docs", "snapshot"}) {
      registerTag(new BlockDefinitionTag(t));
    }
    DbtFilters.register(this);
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
        .withLegacyOverrides(LegacyOverrides.newBuilder()
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
