package dev.dbtls.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetToStringTest {
  @Test
  void credentialsNeverShowInToString() {
    Target t =
        Target.of(
            "dev",
            "shop",
            Map.of(
                "type",
                "postgres",
                "host",
                "db",
                "user",
                "u",
                "password",
                "s3cret",
                "dbname",
                "shop",
                "schema",
                "public"));
    assertEquals(
        "Target[shop.dev, type=postgres, database=shop, schema=public, "
            + "fields=[dbname, host, password, schema, type, user]]",
        t.toString());
  }
}
