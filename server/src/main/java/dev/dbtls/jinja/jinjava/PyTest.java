package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import java.util.function.Predicate;

/** A Jinja test ({@code x is none}) that tells None from undefined. */
final class PyTest implements ExpTest {
  private final String name;
  private final Predicate<Object> test;

  PyTest(String name, Predicate<Object> test) {
    this.name = name;
    this.test = test;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
    return test.test(var);
  }
}
