package dev.dbtls.jinja.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Manual check, not a test: prints, per file named on stdin, the blocks and errors {@link
 * TopLevelBlocks} finds in it as a macro file, one tab-separated line each, to compare with dbt's
 * own block extractor.
 */
public final class TopLevelBlocksCorpusCheck {
  public static void main(String[] args) throws IOException {
    java.io.BufferedReader in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    for (String f = in.readLine(); f != null; f = in.readLine()) {
      String text = Files.readString(Path.of(f)).replace("\r\n", "\n");
      TopLevelBlocks.Result r =
          TopLevelBlocks.extract(
              text,
              args.length > 0 && args[0].equals("docs")
                  ? TopLevelBlocks.DOCS_BLOCKS
                  : TopLevelBlocks.MACRO_BLOCKS);
      out.append(f);
      if (!r.errors().isEmpty()) {
        out.append("\tERROR");
      } else {
        r.blocks()
            .forEach(
                b ->
                    out.append('\t')
                        .append(b.type())
                        .append(':')
                        .append(b.name())
                        .append('@')
                        .append(b.start())
                        .append('-')
                        .append(b.end()));
      }
      out.append('\n');
    }
    System.out.print(out);
  }
}
