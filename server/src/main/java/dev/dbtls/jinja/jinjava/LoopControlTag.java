package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;

/**
 * {@code {% break %}} and {@code {% continue %}}, leaving the loop body at once (even from an if).
 */
final class LoopControlTag implements Tag {
  private final boolean isBreak;

  LoopControlTag(boolean isBreak) {
    this.isBreak = isBreak;
  }

  @Override
  public String getName() {
    return isBreak ? "break" : "continue";
  }

  @Override
  public String getEndTagName() {
    return null;
  }

  @Override
  public String interpret(TagNode node, JinjavaInterpreter interpreter) {
    throw new Signals.LoopControl(isBreak);
  }
}
