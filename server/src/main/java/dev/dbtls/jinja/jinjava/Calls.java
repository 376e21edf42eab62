package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.el.ext.AbstractCallableMethod;
import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import dev.dbtls.jinja.JinjaCallable;
import dev.dbtls.project.ProblemCode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** Calls whatever a name or expression evaluated to, the way Python would. */
final class Calls {
  private Calls() {}

  static Object call(JinjavaInterpreter interpreter, Object target, Arguments a, String name) {
    if (target instanceof JinjaCallable c) {
      return c.call(a.args(), a.kwargs());
    }
    if (target instanceof AbstractCallableMethod m) {
      List<Object> all = new ArrayList<>(a.args());
      a.kwargs().forEach((k, v) -> all.add(new NamedParameter(k, v)));
      return m.evaluate(all.toArray());
    }
    if (target == null || target instanceof Undefined) {
      ELFunctionDefinition fn = interpreter.getContext().getFunction(name);
      if (fn != null) {
        return invokeStatic(fn.getMethod(), a);
      }
      RenderSession.of(interpreter)
          .problem(ProblemCode.UNDEFINED_MACRO, "'" + name + "' is undefined");
      return Undefined.REPORTED;
    }
    RenderSession.of(interpreter)
        .problem(
            ProblemCode.JINJA_RENDER,
            "'" + PyMethods.typeName(target) + "' object is not callable");
    return Undefined.REPORTED;
  }

  private static Object invokeStatic(Method m, Arguments a) {
    try {
      Object[] args = a.args().toArray();
      if (m.isVarArgs()) {
        int fixed = m.getParameterCount() - 1;
        Object[] packed = new Object[m.getParameterCount()];
        for (int i = 0; i < fixed; i++) {
          packed[i] = i < args.length ? args[i] : null;
        }
        Class<?> vt = m.getParameterTypes()[fixed].getComponentType();
        Object rest = java.lang.reflect.Array.newInstance(vt, Math.max(0, args.length - fixed));
        for (int i = fixed; i < args.length; i++) {
          java.lang.reflect.Array.set(rest, i - fixed, args[i]);
        }
        packed[fixed] = rest;
        args = packed;
      } else if (args.length < m.getParameterCount()) {
        args = java.util.Arrays.copyOf(args, m.getParameterCount());
      }
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot call " + m.getName() + ": " + e.getMessage());
    }
  }
}
