package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateSyntaxException;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import dev.dbtls.jinja.JinjaSetup;
import dev.dbtls.jinja.MacroFile;
import dev.dbtls.jinja.RenderRequest;
import dev.dbtls.jinja.Rendered;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dbt Jinja engine on Jinjava: macro files parsed once into dbt's namespaces; every render gets
 * a fresh interpreter over a shared, read-only project context.
 */
public final class Engine {
  private static final DbtJinjava JINJAVA = new DbtJinjava();

  private final JinjaSetup setup;
  private final MacroRegistry macros;
  private final Context projectContext;
  private final List<Problem> setupProblems = new ArrayList<>();

  public Engine(JinjaSetup setup) {
    this.setup = setup;
    this.macros = new MacroRegistry(setup.rootPackage());
    DbtAdapter adapter =
        new DbtAdapter(setup.adapter(), macros, setup.dispatchSearchOrder(), setup.introspector());
    this.projectContext =
        new Context(
            JINJAVA.getGlobalContext(), Builtins.of(setup.adapter(), adapter, setup.dbtVersion()));
    for (MacroFile f : setup.macroFiles()) {
      if (f != null) {
        load(f);
      }
    }
    ProblemTranslator.sort(setupProblems);
  }

  MacroRegistry macros() {
    return macros;
  }

  /**
   * The macros ({@code package.name}) whose calls run something other here than in {@code before}:
   * the same macros, one of them or more defined otherwise. Null when the engines differ in more
   * than that: which macros there are (a name a template or dispatch looks up may resolve
   * elsewhere), the adapter, the dispatch order, the dbt version, the root package.
   */
  public Set<String> macrosChangedSince(Engine before) {
    if (before == this) {
      return Set.of();
    }
    JinjaSetup b = before.setup;
    if (!setup.adapter().equals(b.adapter())
        || !setup.rootPackage().equals(b.rootPackage())
        || !setup.dispatchSearchOrder().equals(b.dispatchSearchOrder())
        || !setup.dbtVersion().equals(b.dbtVersion())
        || setup.introspector() != b.introspector()) {
      return null;
    }
    return macros.changedSince(before.macros);
  }

  public List<Problem> setupProblems() {
    return List.copyOf(setupProblems);
  }

  /** The macro itself (to call from a template's globals), or null. */
  public Object macro(String packageName, String name) {
    return macros.get(packageName, name);
  }

  public boolean hasMacro(String packageName, String name) {
    return macros.get(packageName, name) != null;
  }

  /** A macro file as dbt reads it: only its top-level blocks are parsed (same offsets). */
  private void load(MacroFile f) {
    dev.dbtls.jinja.scan.TopLevelBlocks.Result blocks =
        dev.dbtls.jinja.scan.TopLevelBlocks.extract(
            f.text(),
            f.genericTestFile()
                ? dev.dbtls.jinja.scan.TopLevelBlocks.GENERIC_TEST_BLOCKS
                : dev.dbtls.jinja.scan.TopLevelBlocks.MACRO_BLOCKS);
    if (!blocks.errors().isEmpty()) {
      dev.dbtls.project.LineIndex lines =
          new dev.dbtls.project.LineIndex(f.text() == null ? "" : f.text());
      blocks
          .errors()
          .forEach(
              e ->
                  setupProblems.add(
                      Problem.at(
                          f.path(),
                          lines.span(e.start(), e.end()),
                          ProblemCode.JINJA_SYNTAX,
                          e.message())));
    }
    parse(new MacroFile(f.packageName(), f.path(), blocks.blocksOnly()), setupProblems, true);
  }

  /**
   * The syntax problems of one file parsed as Jinja2 would parse it (tags, every expression, macro
   * signatures), nothing rendered or defined. For the differential parse check.
   */
  public List<Problem> parseProblems(String path, String text) {
    List<Problem> out = new ArrayList<>();
    parse(new MacroFile(macros.rootPackage(), path, text), out, false);
    return out;
  }

  private void parse(MacroFile f, List<Problem> problems, boolean define) {
    RenderSession session = new RenderSession(this, f.packageName(), f.path());
    DbtInterpreter interpreter = interpreter(session, Map.of(), null);
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      Node root = interpreter.parse(CommentStripper.prepare(f.text() == null ? "" : f.text()));
      Node deep = RenderLimits.tooDeep(root);
      if (deep != null) {
        problems.add(tooDeep(f.path(), deep));
        return;
      }
      for (Node n : root.getChildren()) {
        if (n instanceof TagNode t) {
          JinjaMacro m =
              switch (t.getName()) {
                case "macro" -> safeDefine(t, f, interpreter);
                case "materialization", "test", "data_test" ->
                    BlockDefinitionTag.define(t, f.packageName(), f.path());
                default -> null;
              };
          if (m != null && define) {
            macros.add(m);
          }
        }
      }
      problems.addAll(ProblemTranslator.translate(interpreter.getErrors(), f.path()));
      ExpressionCheck.check(JINJAVA, root, f.path(), problems);
    } catch (Signals.LimitExceeded e) {
      problems.add(Problem.ofFile(f.path(), e.code, e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      problems.add(
          Problem.ofFile(f.path(), ProblemCode.JINJA_SYNTAX, PyMessage.of(e.getMessage())));
    } finally {
      JinjavaInterpreter.popCurrent();
    }
  }

  private static JinjaMacro safeDefine(TagNode t, MacroFile f, JinjavaInterpreter interpreter) {
    try {
      return MacroTag.define(t, f.packageName(), f.path());
    } catch (com.hubspot.jinjava.interpret.TemplateSyntaxException e) {
      interpreter.addError(com.hubspot.jinjava.interpret.TemplateError.fromException(e));
      return null;
    }
  }

  private DbtInterpreter interpreter(
      RenderSession session, Map<String, Object> globals, Set<String> namesRead) {
    Context context = new RenderContext(projectContext, globals, namesRead, session);
    context.setDynamicVariableResolver(session::resolveName);
    DbtInterpreter interpreter = interpreter(context, session);
    session.attach(interpreter);
    return interpreter;
  }

  /** An interpreter over the given scope, for one macro call of a render. */
  DbtInterpreter interpreter(Context scope, RenderSession session) {
    return new DbtInterpreter(JINJAVA, scope, JINJAVA.getGlobalConfig(), session);
  }

  public Rendered render(RenderRequest r) {
    String pkg = r.packageName() == null ? macros.rootPackage() : r.packageName();
    RenderSession session = new RenderSession(this, pkg, r.path());
    session.knownColumns = r.knownColumns();
    session.database = r.database();
    DbtInterpreter interpreter = interpreter(session, r.globals(), null);
    JinjavaInterpreter.pushCurrent(interpreter);
    String output = "";
    boolean ranToEnd = false;
    try {
      Node root = interpreter.parse(CommentStripper.prepare(r.text()));
      Node deep = RenderLimits.tooDeep(root);
      if (deep != null) {
        session.problems.add(tooDeep(r.path(), deep));
      } else {
        output = interpreter.render(root, false);
        ranToEnd = true;
      }
    } catch (Signals.CompilerError
        | Signals.MacroReturn
        | Signals.LoopControl
        | Signals.LimitExceeded e) {
      // the problem is already recorded; dbt stops the render here
    } catch (InterpretException e) {
      // a tag failed hard (Jinjava stops the render); report it where it happened
      ProblemCode code =
          e instanceof TemplateSyntaxException
              ? ProblemCode.JINJA_SYNTAX
              : ProblemCode.JINJA_RENDER;
      String file = session.frame().path();
      session.problems.add(
          Problem.at(
              file,
              Math.max(0, e.getLineNumber() - 1),
              Math.max(0, e.getStartPosition() - 1),
              code,
              PyMessage.of(e.getMessage())));
    } catch (StackOverflowError e) {
      session.problem(ProblemCode.JINJA_TOO_DEEP, STACK_MESSAGE);
    } catch (RuntimeException e) {
      session.problem(ProblemCode.JINJA_RENDER, message(e));
    } finally {
      JinjavaInterpreter.popCurrent();
    }
    List<Problem> problems = new ArrayList<>(session.problems);
    problems.addAll(ProblemTranslator.translate(interpreter.getErrors(), r.path()));
    ProblemTranslator.sort(problems);
    return new Rendered(output, problems, ranToEnd, session.reads());
  }

  /**
   * Renders {@code text} in the context of the render under way (its globals: ref, source, var,
   * macros), as dbt's {@code get_rendered(text, context)} does for a var's string value; outside a
   * render, the text as it is. Problems go to the render under way.
   */
  public static String renderInCurrent(String text) {
    if (!(JinjavaInterpreter.getCurrent() instanceof DbtInterpreter outer)) {
      return text;
    }
    RenderSession session = outer.session;
    RenderLimits.tick();
    if (session.depth() > RenderLimits.MAX_CALL_DEPTH) {
      throw RenderLimits.fail(
          ProblemCode.JINJA_TOO_DEEP,
          "renders nested more than "
              + RenderLimits.MAX_CALL_DEPTH
              + " deep (does a var's value use itself?); the render stops here");
    }
    DbtInterpreter interpreter = session.borrowInterpreter();
    int errorsBefore = interpreter.getErrors().size();
    session.enter(session.frame().packageName(), session.frame().path());
    JinjavaInterpreter.pushCurrent(interpreter);
    try {
      Node root = interpreter.parse(CommentStripper.prepare(text));
      return interpreter.render(root, false);
    } finally {
      JinjavaInterpreter.popCurrent();
      List<com.hubspot.jinjava.interpret.TemplateError> errors = interpreter.getErrors();
      if (errors.size() > errorsBefore) {
        outer.addAllErrors(new ArrayList<>(errors.subList(errorsBefore, errors.size())));
        errors.subList(errorsBefore, errors.size()).clear();
      }
      session.exit();
      session.giveBack(interpreter);
    }
  }

  public Object callMacro(
      String fromPackage,
      String name,
      List<Object> args,
      Map<String, Object> kwargs,
      Map<String, Object> globals,
      List<Problem> problemsOut,
      Set<String> namesRead) {
    String pkg = fromPackage == null ? macros.rootPackage() : fromPackage;
    RenderSession session = new RenderSession(this, pkg, "");
    DbtInterpreter interpreter =
        interpreter(session, globals == null ? Map.of() : globals, namesRead);
    JinjavaInterpreter.pushCurrent(interpreter);
    Object result = null;
    try {
      JinjaMacro m = macros.resolve(pkg, name);
      if (m == null) {
        session.problem(ProblemCode.UNDEFINED_MACRO, "macro '" + name + "' is undefined");
      } else {
        result = m.call(args == null ? List.of() : args, kwargs == null ? Map.of() : kwargs);
      }
    } catch (Signals.CompilerError
        | Signals.MacroReturn
        | Signals.LoopControl
        | Signals.LimitExceeded e) {
      result = null;
    } catch (StackOverflowError e) {
      session.problem(ProblemCode.JINJA_TOO_DEEP, STACK_MESSAGE);
    } catch (RuntimeException e) {
      session.problem(ProblemCode.JINJA_RENDER, message(e));
    } finally {
      JinjavaInterpreter.popCurrent();
    }
    if (problemsOut != null) {
      problemsOut.addAll(session.problems);
      problemsOut.addAll(ProblemTranslator.translate(interpreter.getErrors(), ""));
    }
    return result instanceof Undefined ? null : result;
  }

  private static final String STACK_MESSAGE =
      "rendering nested too deeply for the thread's stack; the render stops here";

  /** An exception's message, or its kind when it has none (never "null"). */
  private static String message(RuntimeException e) {
    return e.getMessage() != null
        ? PyMessage.of(e.getMessage())
        : "internal error while rendering (-Ddbtls.stackTraces=true tells where)";
  }

  private static Problem tooDeep(String path, Node deep) {
    return Problem.at(
        path,
        Math.max(0, deep.getLineNumber() - 1),
        Math.max(0, deep.getStartPosition() - 1),
        ProblemCode.JINJA_TOO_DEEP,
        "Jinja tags nested more than "
            + RenderLimits.MAX_TAG_DEPTH
            + " deep; the file is not rendered");
  }

  /** An aware Python datetime in pytz's UTC, as dbt's {@code run_started_at} is. */
  public static dev.dbtls.jinja.PyObject utcDatetime(java.time.Instant value) {
    return PyTzInfo.UTC_TZ.fromUtc(value);
  }
}
