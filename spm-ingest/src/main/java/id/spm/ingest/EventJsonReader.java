package id.spm.ingest;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A streaming reader of the payloads {@link EventJson} writes (issue 13: a computation decodes a million of them):
 * one pass of Jackson's tokenizer straight into the record's canonical constructor, with a decoder per component
 * derived once per record type from its components (no data binding, no per-row type resolution). It accepts only
 * the tokens {@link EventJson#write} produces (ISO dates and times, enums by name, numbers as numbers, sets as
 * arrays); anything else throws {@link Unexpected}, and {@link EventJson#read} then falls back to the data binder,
 * so every payload reads exactly as before. Null and missing components are null (primitives: 0 and false), as the
 * data binder gives them.
 */
final class EventJsonReader {

    private static final JsonFactory FACTORY = new JsonFactory();

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    /** Not the shape this reader accepts: the caller falls back to the data binder. */
    static final class Unexpected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unexpected(String message) {
            super(message, null, false, false);
        }
    }

    private EventJsonReader() {
    }

    static <T> T read(String json, Class<T> type) throws IOException {
        Shape shape = SHAPES.get(type);
        Object[] args = shape.defaults.clone();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Unexpected("not an object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                Integer i = shape.index.get(p.currentName());
                JsonToken v = p.nextToken();
                if (i == null) {
                    p.skipChildren();
                } else if (v != JsonToken.VALUE_NULL) {
                    args[i] = shape.decoders[i].read(p, v);
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new Unexpected("not one object");
            }
        }
        try {
            return type.cast(shape.constructor.newInstance(args));
        } catch (ReflectiveOperationException e) {
            throw new Unexpected("constructor refused: " + e.getCause());
        }
    }

    private interface Decoder {
        Object read(JsonParser p, JsonToken t) throws IOException;
    }

    private record Shape(Constructor<?> constructor, Map<String, Integer> index, Decoder[] decoders,
            Object[] defaults) {

        static Shape of(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            if (rc == null) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            Class<?>[] raw = new Class<?>[rc.length];
            Map<String, Integer> index = new HashMap<>();
            Decoder[] decoders = new Decoder[rc.length];
            Object[] defaults = new Object[rc.length];
            for (int i = 0; i < rc.length; i++) {
                raw[i] = rc[i].getType();
                index.put(rc[i].getName(), i);
                decoders[i] = decoder(rc[i].getType(), rc[i].getGenericType());
                defaults[i] = primitiveDefault(rc[i].getType());
            }
            try {
                Constructor<?> c = type.getDeclaredConstructor(raw);
                c.setAccessible(true);
                return new Shape(c, Map.copyOf(index), decoders, defaults);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException(type + " has no canonical constructor", e);
            }
        }

        private static Object primitiveDefault(Class<?> t) {
            if (t == boolean.class) {
                return Boolean.FALSE;
            }
            if (t == int.class) {
                return 0;
            }
            if (t == long.class) {
                return 0L;
            }
            if (t.isPrimitive()) {
                throw new IllegalArgumentException("unsupported primitive " + t);
            }
            return null;
        }

        @SuppressWarnings({ "unchecked", "rawtypes" })
        private static Decoder decoder(Class<?> t, Type generic) {
            if (t == String.class) {
                return (p, v) -> {
                    expect(v, JsonToken.VALUE_STRING);
                    return p.getText();
                };
            }
            if (t == LocalDate.class) {
                return (p, v) -> {
                    expect(v, JsonToken.VALUE_STRING);
                    return date(p.getText());
                };
            }
            if (t == LocalTime.class) {
                return (p, v) -> {
                    expect(v, JsonToken.VALUE_STRING);
                    String s = p.getText();
                    if (s.isEmpty() || s.indexOf('T') >= 0) {
                        throw new Unexpected("time " + s);
                    }
                    return LocalTime.parse(s);
                };
            }
            if (t == boolean.class || t == Boolean.class) {
                return (p, v) -> {
                    if (v == JsonToken.VALUE_TRUE) {
                        return Boolean.TRUE;
                    }
                    if (v == JsonToken.VALUE_FALSE) {
                        return Boolean.FALSE;
                    }
                    throw new Unexpected("boolean " + v);
                };
            }
            if (t == int.class || t == Integer.class) {
                return (p, v) -> {
                    expect(v, JsonToken.VALUE_NUMBER_INT);
                    if (p.getNumberType() != JsonParser.NumberType.INT) {
                        throw new Unexpected("int out of range");
                    }
                    return p.getIntValue();
                };
            }
            if (t == long.class || t == Long.class) {
                return (p, v) -> {
                    expect(v, JsonToken.VALUE_NUMBER_INT);
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        throw new Unexpected("long out of range");
                    }
                    return p.getLongValue();
                };
            }
            if (t == BigDecimal.class) {
                return (p, v) -> {
                    if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
                        throw new Unexpected("decimal " + v);
                    }
                    return p.getDecimalValue();
                };
            }
            if (t.isEnum()) {
                Map<String, Object> byName = new HashMap<>();
                for (Object c : t.getEnumConstants()) {
                    byName.put(((Enum<?>) c).name(), c);
                }
                return (p, v) -> {
                    expect(v, JsonToken.VALUE_STRING);
                    Object c = byName.get(p.getText());
                    if (c == null) {
                        throw new Unexpected("enum constant " + p.getText());
                    }
                    return c;
                };
            }
            if (t == Set.class && generic instanceof ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> item) {
                Decoder one = decoder(item, item);
                return (p, v) -> {
                    expect(v, JsonToken.START_ARRAY);
                    Set out = new HashSet<>();
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (e == JsonToken.VALUE_NULL) {
                            throw new Unexpected("null in a set");
                        }
                        out.add(one.read(p, e));
                    }
                    return out;
                };
            }
            return (p, v) -> {
                throw new Unexpected("component type " + generic);
            };
        }

        private static void expect(JsonToken v, JsonToken wanted) {
            if (v != wanted) {
                throw new Unexpected(wanted + " expected, " + v + " found");
            }
        }

        /** {@code yyyy-MM-dd} as ISO_LOCAL_DATE reads it; anything else falls back. */
        private static LocalDate date(String s) {
            if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
                throw new Unexpected("date " + s);
            }
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 7);
            int d = digits(s, 8, 10);
            try {
                return LocalDate.of(y, m, d);
            } catch (java.time.DateTimeException e) {
                throw new Unexpected("date " + s);
            }
        }

        private static int digits(String s, int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    throw new Unexpected("digit expected in " + s);
                }
                n = n * 10 + (c - '0');
            }
            return n;
        }
    }
}
