package dev.dbtls.jinja.jinjava;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/** Jinjava's interpreter carrying the state of one dbt render. */
final class DbtInterpreter extends JinjavaInterpreter {
  final RenderSession session;

  DbtInterpreter(Jinjava jinjava, Context context, JinjavaConfig config, RenderSession session) {
    super(jinjava, context, config);
    this.session = session;
  }
}
