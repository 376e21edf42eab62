package dev.dbtls.jinja;

import java.util.List;
import java.util.Map;

/**
 * dbt's {@code InformationSchema} relation, from {@code relation.information_schema(view)}: the
 * relation's database (quoted and included as the relation's, included only when it has one), no
 * schema, {@code INFORMATION_SCHEMA} unquoted, then the view name if one was given — {@code
 * "analytics".INFORMATION_SCHEMA.tables}, as dbt-adapters' BaseRelation renders it.
 */
public record InformationSchema(Relation relation, String view) implements PyObject {
  static final String IDENTIFIER = "INFORMATION_SCHEMA";

  static InformationSchema of(Relation from, Object view) {
    // dbt: a view name that is no string (Jinja's Undefined, none) is no view
    Relation r =
        new Relation(
            from.database(),
            null,
            IDENTIFIER,
            "view",
            from.adapter(),
            from.quoteDatabase(),
            from.quoteSchema(),
            false,
            from.database() != null && !from.database().isEmpty(),
            false,
            true,
            null);
    return new InformationSchema(r, view instanceof String s ? s : null);
  }

  public String render() {
    String base = relation.render();
    return view == null ? base : base + "." + view;
  }

  @Override
  public Object attr(String name) {
    return switch (name) {
      case "information_schema_view" -> view;
      default -> relation.attr(name);
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return switch (method) {
      case "render" -> render();
      default -> relation.call(method, args, kwargs);
    };
  }

  @Override
  public String toString() {
    return render();
  }
}
