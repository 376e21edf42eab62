package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.el.ExtendedSyntaxBuilder;
import jinjava.de.odysseus.el.tree.impl.Parser;

/** Builds expression trees with {@link PyParser}. */
final class PySyntaxBuilder extends ExtendedSyntaxBuilder {
  private static final long serialVersionUID = 1L;

  PySyntaxBuilder() {
    super(Feature.METHOD_INVOCATIONS, Feature.VARARGS, Feature.NULL_PROPERTIES);
  }

  @Override
  protected Parser createParser(String expression) {
    return new PyParser(this, expression);
  }
}
