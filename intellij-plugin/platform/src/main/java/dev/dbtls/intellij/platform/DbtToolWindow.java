package dev.dbtls.intellij.platform;

import com.intellij.notification.NotificationGroupManager;
import com.intellij.notification.NotificationType;
import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.components.Service;
import com.intellij.openapi.editor.Editor;
import com.intellij.openapi.fileChooser.FileChooserFactory;
import com.intellij.openapi.fileChooser.FileSaverDescriptor;
import com.intellij.openapi.fileEditor.FileEditorManager;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.Messages;
import com.intellij.openapi.vfs.VirtualFile;
import com.intellij.openapi.vfs.VirtualFileWrapper;
import com.intellij.openapi.wm.ToolWindow;
import com.intellij.openapi.wm.ToolWindowManager;
import com.intellij.testFramework.LightVirtualFile;
import com.redhat.devtools.lsp4ij.LSPIJUtils;
import dev.dbtls.intellij.client.BenchmarkJob;
import dev.dbtls.intellij.client.DbtCalls;
import dev.dbtls.intellij.views.BenchmarkView;
import dev.dbtls.protocol.BenchmarkReport;
import dev.dbtls.intellij.views.CatalogView;
import dev.dbtls.intellij.views.ColumnLineageView;
import dev.dbtls.intellij.views.ErdView;
import dev.dbtls.intellij.views.HistoryView;
import dev.dbtls.intellij.views.LineageView;
import dev.dbtls.intellij.views.PlanView;
import dev.dbtls.intellij.views.ResultsView;
import dev.dbtls.intellij.views.RunView;
import dev.dbtls.protocol.PreviewResult;
import dev.dbtls.protocol.Range;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.Timer;

/**
 * What the "dbt" tool window does: the actions' five commands, each a {@code dbt/*} request whose
 * answer goes to a view of the views module, and the views' own buttons (cancel, load more,
 * export, expand, jump to the source). Views are Swing components with no IntelliJ API; this
 * class is the only one that touches both.
 */
@Service(Service.Level.PROJECT)
public final class DbtToolWindow {
  static final String ID = "dbt";
  private static final String[] COMPARE_LABELS = {"Buffer alone", "Against the saved file", "Against git HEAD", "Cancel"};
  private static final String[] COMPARE = {null, "saved", "head"};

  /** The tabs, in order. */
  enum Tab {
    RESULTS("Results"), PLAN("Query Plan"), BENCHMARK("Benchmark"), LINEAGE("Lineage"),
    COLUMN_LINEAGE("Column Lineage"), ERD("ERD"), DATABASE("Database"), HISTORY("History"),
    RUN("Run");

    final String title;

    Tab(String title) {
      this.title = title;
    }
  }

  private final Project project;
  private ResultsView results;
  private PlanView plan;
  private BenchmarkView benchmark;
  private LineageView lineage;
  private ColumnLineageView columnLineage;
  private ErdView erd;
  private JComponent columnLineagePane; // the two diagrams grow past the tool window: scrolled
  private JComponent erdPane;
  private CatalogView database;
  private HistoryView history;
  private RunView runs;
  private boolean runHistoryShown;
  private final java.util.Map<String, CompletableFuture<?>> runRequests = new java.util.concurrent.ConcurrentHashMap<>();
  private int runCount;
  private volatile CompletableFuture<?> running; // the preview the Cancel button cancels
  private volatile BenchmarkJob job;
  private volatile String lastUri; // a document of the project, for Database, History, Export

  public DbtToolWindow(Project project) {
    this.project = project;
  }

  public static DbtToolWindow getInstance(Project project) {
    return project.getService(DbtToolWindow.class);
  }

  /** On the EDT, when the tool window is first shown. */
  void createViews() {
    if (results != null) {
      return;
    }
    results = new ResultsView();
    results.onCancel(() -> cancel(running));
    results.onLoadMore(cursor -> call(c -> c.nextPage(cursor, DbtCalls.PAGE_ROWS), results::append, results::stopped));
    results.onExport(this::export);
    plan = new PlanView();
    plan.onJump(location -> open(location.uri(), location.range()));
    benchmark = new BenchmarkView();
    benchmark.onCancel(() -> {
      BenchmarkJob j = job;
      if (j != null) {
        j.cancel();
      }
    });
    lineage = new LineageView();
    lineage.onOpen(node -> open(node.uri(), node.range()));
    // "+N" on a node: one more generation on that side, merged into the graph
    lineage.onExpand(more -> call(c -> c.lineageOf(lastUri, more.node().id(),
        more.upstream() ? 1 : 0, more.upstream() ? 0 : 1), lineage::merge, this::error));
    columnLineage = new ColumnLineageView();
    columnLineage.onOpen(column -> open(column.uri(), column.range()));
    erd = new ErdView();
    erd.onOpen(entity -> open(entity.uri(), null));
    columnLineagePane = new JScrollPane(columnLineage);
    erdPane = new JScrollPane(erd);
    database = new CatalogView();
    database.onOpen(item -> open(item.uri(), item.relation() != null ? item.relation().range()
        : item.node() != null ? item.node().range() : null));
    runs = new RunView();
    runs.onCancel(key -> cancel(runRequests.get(key)));
    runs.onOpen(node -> open(node.uri(), node.range()));
    history = new HistoryView();
    history.onSearch(words -> call(c -> c.history(words, null, 200), history::show, this::error));
  }

  /**
   * A tab was selected: Database, History and the ERD are read anew from the server each time, the
   * Run tab its earlier runs from the run history once,
   * Column Lineage for the column under the editor's caret.
   */
  void selected(Tab tab) {
    String uri = lastUri != null ? lastUri : editorUri();
    if (tab == Tab.COLUMN_LINEAGE) {
      String file = editorUri();
      String column = wordAtCaret();
      if (file != null && column != null) {
        call(c -> c.columnLineage(file, null, column), columnLineage::show, this::error);
      }
    } else if (tab == Tab.ERD && uri != null) {
      call(c -> c.erd(uri, null), erd::show, this::error);
    } else if (tab == Tab.DATABASE && uri != null) {
      call(c -> c.catalog(uri), database::show, this::error);
    } else if (tab == Tab.HISTORY) {
      call(c -> c.history(null, null, 200), history::show, this::error);
    } else if (tab == Tab.RUN && uri != null && !runHistoryShown) {
      // earlier sessions' runs (and the command line's), once, below this session's
      runHistoryShown = true;
      call(c -> c.earlierRuns(uri, 10), runs::earlier, this::error);
    }
  }

  JComponent view(Tab tab) {
    return switch (tab) {
      case RESULTS -> results;
      case PLAN -> plan;
      case BENCHMARK -> benchmark;
      case LINEAGE -> lineage;
      case COLUMN_LINEAGE -> columnLineagePane;
      case ERD -> erdPane;
      case DATABASE -> database;
      case HISTORY -> history;
      case RUN -> runs;
    };
  }

  /**
   * {@code dbtls.build} and its kin: a dbt command on the document's project for {@code select}
   * (null: the document's nodes) in the Run tab, its nodes as they run; a protected target asks
   * first and runs again on a yes.
   */
  void run(String uri, String command, java.util.List<String> select, String title) {
    run(uri, command, select, title, false);
  }

  private void run(String uri, String command, java.util.List<String> select, String title, boolean allowProtected) {
    lastUri = uri;
    String key = "intellij-" + System.currentTimeMillis() + "-" + (++runCount);
    show(Tab.RUN, () -> {
      runs.started(key, title);
      DbtSession.getInstance(project).calls().thenCompose(c -> {
        CompletableFuture<dev.dbtls.protocol.RunResult> request =
            c.run(uri, command, select, allowProtected, key, node -> edt(() -> runs.progress(key, node)));
        runRequests.put(key, request);
        return request;
      }).whenComplete((r, e) -> edt(() -> {
        runRequests.remove(key);
        if (e != null) {
          runs.failed(key, e instanceof CancellationException || e.getCause() instanceof CancellationException
              ? "cancelled: its statements were stopped in the database" : message(e));
        } else if (r == null) {
          runs.failed(key, "This file belongs to no dbt project the server knows");
        } else {
          runs.finished(key, r);
          if (r.error() != null && "target-protected".equals(r.error().code())
              && Messages.showYesNoDialog(project, r.error().message() + ".\n\nThe run creates, replaces and inserts"
                  + " into relations of that target.", title, Messages.getWarningIcon()) == Messages.YES) {
            run(uri, command, select, title, true);
          }
        }
      }));
    });
  }

  /** {@code dbtls.preview}: the document's model's rows in Results. */
  void preview(String uri) {
    lastUri = uri;
    show(Tab.RESULTS, () -> {
      results.running(fileName(uri));
      Integer limit = DbtProjectSettings.getInstance(project).getState().previewLimit;
      DbtSession.getInstance(project).calls().thenAccept(c -> {
        CompletableFuture<PreviewResult> request = c.preview(uri, null, limit, DbtCalls.PAGE_ROWS);
        running = request;
        request.whenComplete((r, e) -> edt(() -> {
          if (e != null) {
            results.stopped(message(e));
          } else if (r == null) {
            results.stopped("not a file of a dbt project");
          } else {
            results.show(r);
          }
        }));
      }).exceptionally(e -> {
        edt(() -> results.stopped(message(e)));
        return null;
      });
    });
  }

  /** {@code dbtls.explain}: the warehouse's plan in Query Plan. */
  void explain(String uri) {
    lastUri = uri;
    show(Tab.PLAN, () -> call(c -> c.explain(uri, null, false), plan::show, this::error));
  }

  /** {@code dbtls.benchmark}: asks what to compare, then runs the job with its progress in Benchmark. */
  void benchmark(String uri) {
    lastUri = uri;
    int choice = Messages.showDialog(project, "Time " + fileName(uri) + ":", "dbt Benchmark", COMPARE_LABELS, 0, null);
    if (choice < 0 || choice >= COMPARE.length) {
      return;
    }
    String compare = COMPARE[choice];
    // the warehouse bills for it and the user said yes in the tab: the same benchmark, accepting its cost
    benchmark.onAcceptCost(report -> runBenchmark(uri, compare, report));
    runBenchmark(uri, compare, null);
  }

  private void runBenchmark(String uri, String compare, BenchmarkReport accepted) {
    show(Tab.BENCHMARK, () -> call(c -> c.benchmark(uri, compare, null, null, accepted), started -> {
      job = started;
      benchmark.started(started.started());
      Timer poll = new Timer(500, e -> started.poll().thenAccept(s -> edt(() -> {
        if (s != null) {
          benchmark.progress(s.done(), s.total());
        }
      })));
      poll.start();
      started.finished().whenComplete((s, e) -> edt(() -> {
        poll.stop();
        if (s != null) {
          benchmark.finished(s);
        } else {
          error(message(e));
        }
      }));
    }, this::error));
  }

  /** {@code dbtls.showCompiledSql}: the compiled SQL in a read-only editor tab. */
  void compiledSql(String uri) {
    lastUri = uri;
    call(c -> c.compile(uri), r -> {
      if (r == null) {
        error(fileName(uri) + " defines no model to compile");
        return;
      }
      LightVirtualFile file = new LightVirtualFile(fileName(uri).replaceFirst("\\.sql$", "") + " (compiled).sql",
          r.failed() ? "-- compiling failed: see the Problems view\n" : r.sql());
      file.setWritable(false);
      FileEditorManager.getInstance(project).openFile(file, true);
    }, this::error);
  }

  /** {@code dbtls.lineage}: parents and children two generations each way, in Lineage. */
  void lineage(String uri) {
    lastUri = uri;
    show(Tab.LINEAGE, () -> call(c -> c.lineage(uri, 2, 2), lineage::show, this::error));
  }

  private void export() {
    String uri = lastUri;
    if (uri == null) {
      return;
    }
    FileSaverDescriptor what = new FileSaverDescriptor("Export Result",
        "The whole result of the query, written by the server", "csv", "json", "jsonl", "parquet", "xlsx");
    VirtualFileWrapper target = FileChooserFactory.getInstance().createSaveFileDialog(what, project)
        .save((VirtualFile) null, fileName(uri).replaceFirst("\\.sql$", "") + ".csv");
    if (target == null) {
      return;
    }
    String path = target.getFile().getAbsolutePath();
    call(c -> c.export(uri, null, path, null), r -> {
      if (r.error() != null) {
        error(r.error().message());
      } else {
        notify("Exported " + r.rows() + " rows to " + r.path(), NotificationType.INFORMATION);
      }
    }, this::error);
  }

  /** Shows the tab (creating the views on first use), then runs {@code then} on the EDT. */
  private void show(Tab tab, Runnable then) {
    ToolWindow window = ToolWindowManager.getInstance(project).getToolWindow(ID);
    if (window == null) {
      return;
    }
    window.activate(() -> {
      var content = window.getContentManager().findContent(tab.title);
      if (content != null) {
        window.getContentManager().setSelectedContent(content);
      }
      then.run();
    });
  }

  /** A {@code dbt/*} request; its answer or its error handed to the EDT. */
  private <T> void call(Function<DbtCalls, CompletableFuture<T>> request, Consumer<T> onAnswer, Consumer<String> onError) {
    DbtSession.getInstance(project).calls().thenCompose(request)
        .whenComplete((r, e) -> edt(() -> {
          if (e != null) {
            onError.accept(message(e));
          } else {
            onAnswer.accept(r);
          }
        }));
  }

  /** The file of the editor in front, as LSP4IJ names it to the server; null when none. */
  private String editorUri() {
    VirtualFile[] files = FileEditorManager.getInstance(project).getSelectedFiles();
    return files.length == 0 ? null : LSPIJUtils.toUriAsString(files[0]);
  }

  /** The identifier under the caret of the editor in front (a column's name); null when none. */
  private String wordAtCaret() {
    Editor editor = FileEditorManager.getInstance(project).getSelectedTextEditor();
    if (editor == null) {
      return null;
    }
    CharSequence text = editor.getDocument().getCharsSequence();
    int from = Math.min(editor.getCaretModel().getOffset(), text.length());
    int to = from;
    while (from > 0 && (Character.isLetterOrDigit(text.charAt(from - 1)) || text.charAt(from - 1) == '_')) {
      from--;
    }
    while (to < text.length() && (Character.isLetterOrDigit(text.charAt(to)) || text.charAt(to) == '_')) {
      to++;
    }
    return from == to ? null : text.subSequence(from, to).toString();
  }

  private void open(String uri, Range range) {
    if (uri != null) {
      org.eclipse.lsp4j.Position at = range == null ? null
          : new org.eclipse.lsp4j.Position(range.start().line(), range.start().character());
      LSPIJUtils.openInEditor(uri, at, project);
    }
  }

  private void error(String message) {
    notify(message, NotificationType.ERROR);
  }

  private void notify(String message, NotificationType type) {
    NotificationGroupManager.getInstance().getNotificationGroup("dbtls")
        .createNotification(message, type).notify(project);
  }

  private static void cancel(CompletableFuture<?> request) {
    if (request != null) {
      request.cancel(true); // LSP4J sends $/cancelRequest: the server cancels the query in the database
    }
  }

  private static void edt(Runnable r) {
    ApplicationManager.getApplication().invokeLater(r);
  }

  private static String message(Throwable e) {
    Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    return t instanceof CancellationException ? "cancelled" : String.valueOf(t.getMessage());
  }

  private static String fileName(String uri) {
    return uri.substring(uri.lastIndexOf('/') + 1);
  }
}
