package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** Jinja2's {@code namespace()}: attributes settable with {@code {% set ns.x = ... %}}. */
final class Namespace extends LinkedHashMap<String, Object> implements PyishSerializable {
  Namespace(Map<String, Object> initial) {
    super(initial);
  }
}
