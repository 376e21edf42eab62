package dev.dbtls.sql;

import dev.dbtls.index.Node;
import dev.dbtls.index.compile.CompiledNode;
import dev.dbtls.index.compile.NodeCompiler;
import dev.dbtls.index.compile.ProjectSnapshot;
import dev.dbtls.project.FileSource;
import dev.dbtls.project.Problem;
import dev.dbtls.project.ProblemCode;
import dev.dbtls.testing.Fixture;
import java.nio.file.Path;
import java.util.List;

/**
 * Manual check of sql-syntax on real dbt projects (not a test: it needs projects on disk): {@code
 * java -cp <classpath> dev.dbtls.sql.SqlCorpusCheck ADAPTER DIR...}. For each project it compiles
 * every node and prints how many could be checked, how often each check alone would have fired, and
 * every problem reported (each should be a real error).
 */
public final class SqlCorpusCheck {
  public static void main(String[] args) {
    SqlDialect dialect = SqlDialect.of(args[0]).orElseThrow();
    for (int i = 1; i < args.length; i++) {
      Path dir = Path.of(args[i]).toAbsolutePath().normalize();
      ProjectSnapshot s =
          ProjectSnapshot.load(dir, Fixture.profilesIn(dir), List.of(), FileSource.DISK);
      NodeCompiler compiler = new NodeCompiler(s);
      int nodes = 0;
      int checkable = 0;
      int tokenAlone = 0;
      int parserAlone = 0;
      int reported = 0;
      for (Node n : s.manifest().nodes().values()) {
        if (!n.type().compiles() || n.file() == null) {
          continue;
        }
        nodes++;
        CompiledNode c = compiler.compile(n);
        if (c.failed() || !c.problems().stream().allMatch(p -> p.code() == ProblemCode.JINJA_LOG)) {
          continue;
        }
        checkable++;
        List<SqlDefect> defects = SqlDefects.find(c.sql(), dialect);
        if (!defects.isEmpty()) {
          tokenAlone++;
          System.out.println("  token check: " + n.displayPath() + " " + defects);
        }
        SqlParse.Outcome o = SqlParse.parse(c.sql(), dialect);
        if (o.result() != SqlParse.Result.PARSED) {
          parserAlone++;
          if (System.getProperty("show") != null && o.errorOffset() >= 0) {
            int e = o.errorOffset();
            System.out.println(
                "  parser: "
                    + n.displayPath()
                    + ": ..."
                    + c.sql().substring(Math.max(0, e - 60), e).replace('\n', ' ')
                    + " >>> "
                    + c.sql().substring(e, Math.min(c.sql().length(), e + 30)).replace('\n', ' '));
          }
        }
        for (Problem p : SqlSyntax.find(c, args[0])) {
          reported++;
          System.out.println("  REPORTED " + p.format());
        }
      }
      System.out.printf(
          "%s: %d SQL nodes, %d compiled cleanly; token checks alone fire on %d,"
              + " JSqlParser alone rejects %d; reported %d%n",
          dir.getFileName(), nodes, checkable, tokenAlone, parserAlone, reported);
    }
  }
}
