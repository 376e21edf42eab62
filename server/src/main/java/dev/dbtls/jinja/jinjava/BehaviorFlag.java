package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.util.HasObjectTruthValue;
import dev.dbtls.jinja.PyObject;
import java.util.List;
import java.util.Map;

/**
 * One of the adapter's behaviour flags ({@code adapter.behavior.<flag>}), as a project that set
 * none of them sees it: off, read with ({@code if flag}) or without ({@code flag.no_warn}) dbt's
 * deprecation warning. dbt's adapters ship every flag off by default.
 */
final class BehaviorFlag implements PyObject, HasObjectTruthValue {
  private final String name;

  BehaviorFlag(String name) {
    this.name = name;
  }

  /** {@code adapter.behavior}: any flag name answers. */
  static PyObject flags() {
    return new PyObject() {
      @Override
      public Object attr(String name) {
        return new BehaviorFlag(name);
      }

      @Override
      public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
        return MISSING;
      }
    };
  }

  @Override
  public Object attr(String attribute) {
    return switch (attribute) {
      case "setting", "no_warn" -> Boolean.FALSE;
      case "name" -> name;
      default -> MISSING;
    };
  }

  @Override
  public Object call(String method, List<Object> args, Map<String, Object> kwargs) {
    return MISSING;
  }

  @Override
  public boolean getObjectTruthValue() {
    return false;
  }

  @Override
  public String toString() {
    return "False";
  }
}
