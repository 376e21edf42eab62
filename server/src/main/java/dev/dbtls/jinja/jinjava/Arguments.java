package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The evaluated arguments of one call, split the way Python does: positional and keyword. */
record Arguments(List<Object> args, Map<String, Object> kwargs) {

  static Arguments of(Object[] evaluated) {
    List<Object> args = new ArrayList<>();
    Map<String, Object> kwargs = new LinkedHashMap<>();
    if (evaluated != null) {
      for (Object o : evaluated) {
        if (o instanceof NamedParameter p) {
          kwargs.put(p.getName(), p.getValue());
        } else if (o instanceof SplatNode.Splat s) {
          if (s.keywords() && s.value() instanceof Map<?, ?> m) {
            m.forEach((k, v) -> kwargs.put(String.valueOf(k), v));
          } else if (s.value() instanceof Collection<?> c) {
            args.addAll(c);
          }
        } else {
          args.add(o);
        }
      }
    }
    return new Arguments(args, kwargs);
  }

  Object arg(int i, String name, Object fallback) {
    if (i < args.size()) {
      return args.get(i);
    }
    return kwargs.containsKey(name) ? kwargs.get(name) : fallback;
  }
}
