package dev.dbtls.cli;

import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.query.RecommendationChange;
import dev.dbtls.store.Recommendations.Recommendation;
import dev.dbtls.store.Store;
import dev.dbtls.store.StoreResult;
import dev.dbtls.warehouse.Warehouses;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dbtls recommendations}: what {@code dbtls explain} found and stored, with its status;
 * {@code dismiss ID} / {@code pending ID} change the status; {@code apply ID} / {@code rollback ID}
 * run the SQL on the target for real — only with {@code --allow-apply}, after a confirmation
 * (typed, or {@code --yes}), and audited in the store.
 */
@Command(
    name = "recommendations",
    description = "List, dismiss, apply or roll back what explain recommended.")
final class RecommendationsCommand implements Callable<Integer> {
  @Mixin ProjectOptions project;

  @Parameters(
      index = "0",
      arity = "0..1",
      description = "list (default), dismiss, pending, apply or rollback")
  String action = "list";

  @Parameters(index = "1", arity = "0..1", description = "The recommendation's id")
  Long id;

  @Option(names = "--allow-apply", description = "Allow apply and rollback to change the warehouse")
  boolean allowApply;

  @Option(names = "--yes", description = "Do not ask for confirmation")
  boolean yes;

  @Override
  public Integer call() throws Exception {
    if (!List.of("list", "dismiss", "pending", "apply", "rollback").contains(action)) {
      System.err.println("error: the action must be list, dismiss, pending, apply or rollback");
      return 2;
    }
    if (!action.equals("list") && id == null) {
      System.err.println("error: " + action + " needs a recommendation id");
      return 2;
    }
    List<String> errors = new ArrayList<>();
    ProjectSnapshot s = project.snapshot(errors, false);
    errors.forEach(e -> System.err.println("error: " + e));
    String dir = s.inputs().root().dir().toString();
    try (Store store = Store.open()) {
      store.notices().forEach(n -> System.err.println("dbtls: " + n));
      switch (action) {
        case "list" -> {
          StoreResult<List<Recommendation>> all = store.recommendations().list(dir, null);
          if (!all.ok()) {
            System.err.println("error: " + all.error());
            return 1;
          }
          print(all.value());
          return 0;
        }
        case "dismiss", "pending" -> {
          StoreResult<Recommendation> now =
              RecommendationChange.setStatus(
                  store, dir, id, action.equals("dismiss") ? "dismissed" : "pending");
          if (!now.ok()) {
            System.err.println("error: " + now.error());
            return 1;
          }
          print(List.of(now.value()));
          return 0;
        }
        default -> {
          return change(s, store);
        }
      }
    }
  }

  private int change(ProjectSnapshot s, Store store) throws Exception {
    Recommendation r =
        store.recommendations().get(id, s.inputs().root().dir().toString()).orElse(null);
    boolean confirmed = yes;
    if (!confirmed && allowApply && r != null && System.console() != null) {
      String sql = action.equals("apply") ? r.applySql() : r.rollbackSql();
      System.err.printf(
          "This runs on target '%s' for real:%n  %s%nType yes to go on: ", r.target(), sql);
      String answer =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      confirmed = "yes".equals(answer == null ? null : answer.strip());
    }
    try (Warehouses warehouses = new Warehouses()) {
      RecommendationChange.Outcome o =
          RecommendationChange.run(s, id, action, allowApply, confirmed, warehouses, store);
      if (o.errorCode() != null) {
        if (o.sql() != null) {
          System.err.println("ran: " + o.sql());
        }
        System.err.println(
            "error "
                + o.errorCode()
                + ": "
                + o.message()
                + (o.errorCode().equals("apply-not-allowed")
                    ? " (on the command line: --allow-apply)"
                    : o.errorCode().equals("apply-not-confirmed")
                        ? " (answer yes, or --yes)"
                        : ""));
        return 1;
      }
      System.out.println("ran: " + o.sql());
      System.out.println(
          "audited as "
              + o.auditId()
              + "; recommendation "
              + id
              + " is now "
              + o.recommendation().status());
      return 0;
    }
  }

  private static void print(List<Recommendation> all) {
    if (all.isEmpty()) {
      System.out.println("no recommendations yet: dbtls explain records what it finds");
      return;
    }
    for (Recommendation r : all) {
      System.out.printf(
          "%d [%s] %s (%s, target %s%s)%n",
          r.id(),
          r.status(),
          r.title(),
          r.confidence(),
          r.target(),
          r.uniqueId() == null ? "" : ", " + r.uniqueId());
      r.evidence().forEach(e -> System.out.println("    - " + e));
      if (r.applySql() != null) {
        System.out.println("    apply:    " + r.applySql() + ";");
        System.out.println("    rollback: " + r.rollbackSql() + ";");
      }
    }
  }
}
