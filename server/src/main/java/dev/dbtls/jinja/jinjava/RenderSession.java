package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one render knows: its macros, the package and file being executed, its problems. */
final class RenderSession {
  /** Where execution is: the package whose namespace unqualified names resolve in, and file. */
  record Frame(String packageName, String path, int callLine, int callColumn) {}

  final MacroRegistry macros;
  final Engine engine;
  final List<Problem> problems = new ArrayList<>();
  final Map<String, Object> statementResults = new HashMap<>();

  /** The database a build executes on; null in a compile (statements are skipped). */
  dev.dbtls.jinja.Database database;

  /** What the project knows of relations' columns, for introspection without a warehouse. */
  dev.dbtls.jinja.KnownColumns knownColumns = dev.dbtls.jinja.KnownColumns.NONE;

  private final Deque<Frame> frames = new ArrayDeque<>();

  /** The macros of a file's top level this render ran (by identity). */
  private final java.util.Set<JinjaMacro> ran = new java.util.HashSet<>();

  /** What this render read that none of its inputs holds ({@link dev.dbtls.jinja.RenderReads}). */
  private final java.util.Set<String> unkeyed = new java.util.TreeSet<>();

  private JinjavaInterpreter interpreter;
  private Context root;
  private final Deque<DbtInterpreter> idle = new ArrayDeque<>();
  private final long timeoutMs = RenderLimits.timeoutMs();
  private long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
  private int ticks;
  private boolean timedOut;

  RenderSession(Engine engine, String packageName, String path) {
    this.engine = engine;
    this.macros = engine.macros();
    frames.push(new Frame(packageName, path, 0, 0));
  }

  static RenderSession of(JinjavaInterpreter interpreter) {
    if (interpreter instanceof DbtInterpreter d) {
      return d.session;
    }
    throw new IllegalStateException("not a dbt render");
  }

  void attach(JinjavaInterpreter i) {
    this.interpreter = i;
    this.root = i.getContext();
  }

  /** The render's top scope: where project macros run, seeing the globals and nothing else. */
  Context root() {
    return root;
  }

  /** An interpreter over the root scope, for one project macro call (one per nesting level). */
  DbtInterpreter borrowInterpreter() {
    DbtInterpreter i = idle.poll();
    return i != null ? i : engine.interpreter(root, this);
  }

  void giveBack(DbtInterpreter i) {
    idle.push(i);
  }

  private JinjavaInterpreter current() {
    JinjavaInterpreter i = JinjavaInterpreter.getCurrent();
    return i != null ? i : interpreter;
  }

  /** One step of the render; past its deadline, records the timeout once and ends the render. */
  void tick() {
    if ((++ticks & 63) == 0 && System.nanoTime() - deadline > 0 || timedOut) {
      if (!timedOut) {
        timedOut = true;
        problem(
            ProblemCode.JINJA_TIMEOUT,
            "rendering took longer than " + timeoutMs + " ms and was stopped here");
      }
      throw new Signals.LimitExceeded(ProblemCode.JINJA_TIMEOUT, "timeout");
    }
  }

  /**
   * A call on the build's database: its time does not count against the render's time limit, and a
   * statement the database refuses is a {@code database-error} that ends the render, as dbt's
   * database error ends the node.
   */
  <T> T onDatabase(java.util.function.Function<dev.dbtls.jinja.Database, T> call) {
    long t0 = System.nanoTime();
    try {
      return call.apply(database);
    } catch (dev.dbtls.jinja.Database.Failure e) {
      problem(ProblemCode.DATABASE_ERROR, e.getMessage());
      throw new Signals.CompilerError(e.getMessage());
    } finally {
      deadline += System.nanoTime() - t0;
    }
  }

  void ran(JinjaMacro m) {
    ran.add(m);
  }

  /** Records that this render read {@code what}, which none of its inputs holds. */
  void unkeyed(String what) {
    unkeyed.add(what);
  }

  /**
   * What this render read: the project's and packages' macros it ran, as {@code package.name} (not
   * dbtls's own builtins, which no edit changes; null when the render ran out of time, so that what
   * it would have run is not known), and what it read that none of its inputs holds.
   */
  dev.dbtls.jinja.RenderReads reads() {
    java.util.Set<String> out = null;
    if (!timedOut) {
      out = new java.util.HashSet<>();
      for (JinjaMacro m : ran) {
        if (m.path == null || !m.path.startsWith(dev.dbtls.jinja.MacroFile.BUILTIN_PREFIX)) {
          out.add(m.id());
        }
      }
    }
    return new dev.dbtls.jinja.RenderReads(out, java.util.Set.of(), unkeyed);
  }

  Frame frame() {
    return frames.peek();
  }

  /** Macro calls under way, the render itself counting as one. */
  int depth() {
    return frames.size();
  }

  void enter(String packageName, String path) {
    JinjavaInterpreter i = current();
    frames.push(
        new Frame(
            packageName,
            path,
            i == null ? 0 : Math.max(0, i.getLineNumber() - 1),
            i == null ? 0 : Math.max(0, i.getPosition() - 1)));
  }

  void exit() {
    frames.pop();
  }

  /**
   * Records a problem where the project's own code called into dbtls's builtin macros: at the call
   * in the innermost file that is not one of ours, else at the current line.
   */
  void problemAtCaller(ProblemCode code, String message) {
    Frame above = null;
    for (Frame f : frames) {
      if (!f.path().startsWith(dev.dbtls.jinja.MacroFile.BUILTIN_PREFIX)) {
        if (above != null) {
          problems.add(
              Problem.at(
                  f.path(), above.callLine(), above.callColumn(), code, PyMessage.of(message)));
          return;
        }
        break;
      }
      above = f;
    }
    problem(code, message);
  }

  /** Records a problem at the current line of the file being executed. */
  void problem(ProblemCode code, String message) {
    JinjavaInterpreter i = current();
    int line = i == null ? 0 : Math.max(0, i.getLineNumber() - 1);
    int col = i == null ? 0 : Math.max(0, i.getPosition() - 1);
    problems.add(Problem.at(frame().path(), line, col, code, PyMessage.of(message)));
  }

  /**
   * Names not bound in any scope: None if bound to None, else a macro or package, else undefined.
   */
  Object resolveName(String name) {
    for (Context c = current().getContext(); c != null; c = c.getParent()) {
      if (c.getScope().containsKey(name)) {
        return null;
      }
    }
    JinjaMacro m = macros.resolve(frame().packageName(), name);
    if (m != null) {
      return m;
    }
    if (macros.hasPackage(name)) {
      return new PackageNamespace(macros, name);
    }
    return Undefined.INSTANCE;
  }
}
