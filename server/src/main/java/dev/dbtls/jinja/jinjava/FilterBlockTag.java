package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.TagNode;
import java.util.Map;

/** {@code {% filter upper %}...{% endfilter %}}: the body's text through one filter. */
final class FilterBlockTag implements Tag {
  @Override
  public String getName() {
    return "filter";
  }

  @Override
  public String interpret(TagNode node, JinjavaInterpreter interpreter) {
    StringBuilder body = new StringBuilder();
    node.getChildren().forEach(c -> body.append(c.render(interpreter).getValue()));
    Filter f = interpreter.getContext().getFilter(node.getHelpers().trim());
    if (f == null) {
      RenderSession.of(interpreter)
          .problem(
              dev.dbtls.project.ProblemCode.JINJA_RENDER,
              "no filter named '" + node.getHelpers().trim() + "'");
      return body.toString();
    }
    return PyValues.str(f.filter(body.toString(), interpreter, new Object[0], Map.of()));
  }
}
