package id.spm.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import id.spm.rules.model.Event;

/**
 * The {@code service_event.payload} form of an event (schema.md): the model record serialised by
 * Jackson with ISO dates, enums by name and the record's component names as properties, and its
 * {@code content_hash}. Sets are written sorted, so the same record always gives the same text and
 * hash (an immutable {@code Set}'s iteration order changes from one JVM run to the next).
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = mapper();
    private static final HexFormat HEX = HexFormat.of();

    private EventJson() {
    }

    /** The mapper writers and readers of payloads share. */
    public static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        m.registerModule(new JavaTimeModule());
        SimpleModule sorted = new SimpleModule("sorted-sets");
        sorted.addSerializer(new SortedSetSerializer());
        m.registerModule(sorted);
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // Record components only: helper accessors such as isHypertension() are not data.
        m.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        m.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return m;
    }

    public static String write(Event event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model records always serialise", e);
        }
    }

    public static <T extends Event> T read(String json, Class<T> type) {
        try {
            // The streaming reader of exactly what write() produces (issue 13); anything else, the data binder.
            return EventJsonReader.read(json, type);
        } catch (IOException | RuntimeException fast) {
            return bind(json, type);
        }
    }

    /** The data binder's reading of a payload (the reference {@link EventJsonReader} is tested against). */
    public static <T extends Event> T bind(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + " payload", e);
        }
    }

    /** Lowercase hex SHA-256 of the payload text. */
    public static String hash(String payload) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(md.digest(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @SuppressWarnings("rawtypes")
    private static final class SortedSetSerializer extends StdSerializer<Set> {
        SortedSetSerializer() {
            super(Set.class);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void serialize(Set value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            List<Object> items = new ArrayList<>(value);
            items.sort((a, b) -> ((Comparable<Object>) a).compareTo(b));
            gen.writeStartArray();
            for (Object o : items) {
                provider.defaultSerializeValue(o, gen);
            }
            gen.writeEndArray();
        }
    }
}
