package dev.dbtls.index.compile;

import java.util.List;
import java.util.Map;

/** Reads Python-style call arguments: positional first, then by keyword. */
record Args(List<Object> positional, Map<String, Object> keywords) {
  Object get(int index, String keyword) {
    if (keywords.containsKey(keyword)) {
      return keywords.get(keyword);
    }
    return index >= 0 && index < positional.size() ? positional.get(index) : null;
  }

  boolean has(int index, String keyword) {
    return keywords.containsKey(keyword) || (index >= 0 && index < positional.size());
  }

  String string(int index, String keyword) {
    Object v = get(index, keyword);
    return v == null ? null : String.valueOf(v);
  }

  int size() {
    return positional.size();
  }
}
