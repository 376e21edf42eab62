package dev.dbtls.protocol;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Locale;

/**
 * A protocol enum on the wire: its constant's {@code @SerializedName}, else its name in lower case
 * ({@code PASSED_THROUGH} is {@code "passed_through"}). Put on each enum field with
 * {@code @JsonAdapter(WireEnum.class)}, because LSP4J writes enums as numbers otherwise; an unknown
 * string reads as null.
 */
public final class WireEnum implements TypeAdapterFactory {
  /** The string an enum constant is on the wire. */
  public static String wire(Enum<?> e) {
    try {
      SerializedName named =
          e.getDeclaringClass().getField(e.name()).getAnnotation(SerializedName.class);
      return named != null ? named.value() : e.name().toLowerCase(Locale.ROOT);
    } catch (NoSuchFieldException x) {
      return e.name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The constant of {@code type} whose wire string is {@code name}: null for null or a string no
   * constant has (a value stored by another version, say).
   */
  public static <E extends Enum<E>> E of(Class<E> type, String name) {
    if (name != null) {
      for (E e : type.getEnumConstants()) {
        if (wire(e).equals(name)) {
          return e;
        }
      }
    }
    return null;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<?> raw = type.getRawType();
    if (!raw.isEnum()) {
      return null;
    }
    Object[] constants = raw.getEnumConstants();
    return (TypeAdapter<T>)
        new TypeAdapter<Object>() {
          @Override
          public void write(JsonWriter out, Object value) throws IOException {
            if (value == null) {
              out.nullValue();
            } else {
              out.value(wire((Enum<?>) value));
            }
          }

          @Override
          public Object read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
              in.nextNull();
              return null;
            }
            String s = in.nextString();
            for (Object c : constants) {
              if (wire((Enum) c).equals(s)) {
                return c;
              }
            }
            return null;
          }
        };
  }
}
