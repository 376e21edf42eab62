package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.TagNode;

/** Jinjava's if/elif/else, deciding truth the Python way ("false" is a true string). */
final class IfTag extends com.hubspot.jinjava.lib.tag.IfTag {
  private static final long serialVersionUID = 1L;

  @Override
  public boolean isPositiveIfElseNode(TagNode tagNode, JinjavaInterpreter interpreter) {
    return PyValues.truthy(
        interpreter.resolveELExpression(
            tagNode.getHelpers(), tagNode.getLineNumber(), tagNode.getStartPosition()));
  }
}
