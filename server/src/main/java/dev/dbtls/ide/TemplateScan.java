package dev.dbtls.ide;

import dev.dbtls.jinja.scan.JinjaScanner;
import dev.dbtls.jinja.scan.ScannedTemplate;
import dev.dbtls.jinja.scan.StaticExtractor;
import dev.dbtls.jinja.scan.StaticFacts;

/**
 * The buffer of one request scanned as a template: its pieces and its static facts (refs, sources,
 * macros), each worked out at most once however many features of the request ask (the symbol at the
 * cursor, then the SQL function, then the column under it). Locked: a request's features may run on
 * another thread than the one that made the context.
 */
final class TemplateScan {
  private final String text;
  private ScannedTemplate template;
  private StaticFacts facts;

  TemplateScan(String text) {
    this.text = text;
  }

  synchronized ScannedTemplate template() {
    if (template == null) {
      template = JinjaScanner.scan(text);
    }
    return template;
  }

  synchronized StaticFacts facts() {
    if (facts == null) {
      facts = StaticExtractor.extract(template());
    }
    return facts;
  }
}
