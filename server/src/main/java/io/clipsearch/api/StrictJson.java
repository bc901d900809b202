package io.clipsearch.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a JSON request body against the type it is bound to, more strictly than the binder does
 * (Micronaut Serde 2.x coerces {@code 1.5} to the integer 1, {@code 5} to the string "5", and reads
 * the first value of {@code {...} garbage}). A body passes only when it is exactly one JSON value
 * with no duplicate keys, no field the type does not have, integers where the type holds integers
 * (within range), numbers for numbers, booleans for booleans, strings for strings and enums, arrays
 * for lists and objects for records. Null is accepted wherever the type is not primitive: the
 * type's own validation decides whether a field may be absent. Types it does not know (dates, say)
 * are left to the binder. Stateless and thread-safe.
 */
final class StrictJson {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private StrictJson() {}

  /**
   * Returns normally if {@code body} is a strict JSON value of {@code type}.
   *
   * @throws InvalidJsonException saying where ({@code $.limit}) and what is wrong
   */
  static void check(byte[] body, Argument<?> type) throws InvalidJsonException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() == null) {
        throw new InvalidJsonException("the request body is empty; send a JSON object");
      }
      value(parser, type, "$");
      nothingAfter(parser);
    } catch (JsonProcessingException e) {
      throw new InvalidJsonException(
          "malformed JSON: "
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    } catch (IOException e) {
      throw new InvalidJsonException("unreadable JSON: " + e.getMessage());
    }
  }

  private static void nothingAfter(JsonParser parser) throws InvalidJsonException, IOException {
    int line = parser.currentLocation().getLineNr();
    int column = parser.currentLocation().getColumnNr();
    boolean more;
    try {
      more = parser.nextToken() != null;
    } catch (JsonProcessingException e) {
      more = true;
    }
    if (more) {
      throw new InvalidJsonException(
          "unexpected content after the JSON value, which ends at line "
              + line
              + ", column "
              + column);
    }
  }

  private static void value(JsonParser p, Argument<?> type, String path)
      throws IOException, InvalidJsonException {
    JsonToken token = p.currentToken();
    Class<?> c = type.getType();
    if (token == JsonToken.VALUE_NULL) {
      if (c.isPrimitive()) {
        throw new InvalidJsonException(path + " must not be null");
      }
      return;
    }
    if (isInteger(c)) {
      integer(p, c, path);
    } else if (isDecimal(c)) {
      expect(p, path, "a number", JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);
    } else if (c == Boolean.class || c == boolean.class) {
      expect(p, path, "true or false", JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE);
    } else if (CharSequence.class.isAssignableFrom(c) || c.isEnum()) {
      expect(p, path, "a string", JsonToken.VALUE_STRING);
    } else if (Collection.class.isAssignableFrom(c) || c.isArray()) {
      array(p, c.isArray() ? Argument.of(c.getComponentType()) : element(type), path);
    } else if (Map.class.isAssignableFrom(c)) {
      expect(p, path, "an object", JsonToken.START_OBJECT);
      Argument<?> values =
          type.getTypeParameters().length == 2
              ? type.getTypeParameters()[1]
              : Argument.OBJECT_ARGUMENT;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        value(p, values, path + "." + name);
      }
    } else {
      Optional<BeanIntrospection<Object>> bean = BeanIntrospector.SHARED.findIntrospection(cast(c));
      if (bean.isPresent()) {
        object(p, fields(bean.get()), path);
      } else {
        p.skipChildren(); // a type the binder parses itself (a date, say)
      }
    }
  }

  private static void object(JsonParser p, Map<String, Argument<?>> fields, String path)
      throws IOException, InvalidJsonException {
    expect(p, path, "an object", JsonToken.START_OBJECT);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      Argument<?> field = fields.get(name);
      if (field == null) {
        throw new InvalidJsonException(
            path + " has no field '" + name + "'; its fields are " + fields.keySet());
      }
      p.nextToken();
      value(p, field, path + "." + name);
    }
  }

  private static void array(JsonParser p, Argument<?> element, String path)
      throws IOException, InvalidJsonException {
    expect(p, path, "an array", JsonToken.START_ARRAY);
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      value(p, element, path + "[" + i++ + "]");
    }
  }

  private static void integer(JsonParser p, Class<?> c, String path)
      throws IOException, InvalidJsonException {
    expect(p, path, "an integer", JsonToken.VALUE_NUMBER_INT);
    JsonParser.NumberType n = p.getNumberType();
    boolean fits =
        c == BigInteger.class
            || n == JsonParser.NumberType.INT
                && (c != Short.class && c != short.class
                    || p.getIntValue() == (short) p.getIntValue())
            || n == JsonParser.NumberType.LONG && (c == Long.class || c == long.class);
    if (!fits) {
      throw new InvalidJsonException(path + " is out of range: " + p.getText());
    }
  }

  private static void expect(JsonParser p, String path, String what, JsonToken... accepted)
      throws IOException, InvalidJsonException {
    for (JsonToken t : accepted) {
      if (p.currentToken() == t) {
        return;
      }
    }
    JsonToken token = p.currentToken();
    String got =
        token == JsonToken.START_ARRAY
            ? "an array"
            : token == JsonToken.START_OBJECT
                ? "an object"
                : token == JsonToken.VALUE_STRING ? '"' + p.getText() + '"' : p.getText();
    throw new InvalidJsonException(path + " must be " + what + ", got " + abbreviate(got));
  }

  private static Map<String, Argument<?>> fields(BeanIntrospection<Object> bean) {
    Map<String, Argument<?>> fields = new LinkedHashMap<>();
    for (Argument<?> a : bean.getConstructorArguments()) {
      fields.put(a.getName(), a);
    }
    bean.getBeanProperties().forEach(p -> fields.putIfAbsent(p.getName(), p.asArgument()));
    return fields;
  }

  private static Argument<?> element(Argument<?> collection) {
    Argument<?>[] params = collection.getTypeParameters();
    return params.length == 1 ? params[0] : Argument.OBJECT_ARGUMENT;
  }

  private static boolean isInteger(Class<?> c) {
    return c == Integer.class
        || c == int.class
        || c == Long.class
        || c == long.class
        || c == Short.class
        || c == short.class
        || c == BigInteger.class;
  }

  private static boolean isDecimal(Class<?> c) {
    return c == Double.class
        || c == double.class
        || c == Float.class
        || c == float.class
        || c == BigDecimal.class;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? '"' + s.substring(0, 40) + "…\"" : s;
  }

  @SuppressWarnings("unchecked")
  private static Class<Object> cast(Class<?> c) {
    return (Class<Object>) c;
  }

  /** A request body that is not strict JSON of its type; the message is for the client. */
  static final class InvalidJsonException extends Exception {
    InvalidJsonException(String message) {
      super(message);
    }
  }
}
