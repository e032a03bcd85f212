package id.spm.api.repository;

import id.spm.ingest.EventJson;
import id.spm.rules.count.ByNameLayout;
import id.spm.rules.model.Event;

/**
 * The one codec of {@code service_event.payload}: every writer (the importer's staging, the demo) and
 * every reader (a district's computation, one person's view) goes through spm-ingest's
 * {@link EventJson}, so the same event always gives the same payload text and {@code content_hash},
 * whoever wrote it.
 */
public final class EventCodec {

    /** An event in its stored form: {@code event_type}, {@code payload} and {@code content_hash}. */
    public record Encoded(String eventType, String payload, String contentHash) {
    }

    private EventCodec() {
    }

    public static Encoded encode(Event event) {
        String payload = EventJson.write(event);
        return new Encoded(eventType(event), payload, EventJson.hash(payload));
    }

    /** The payload text of an event (the importer's hot path, with {@link #hash(String)}). */
    public static String write(Event event) {
        return EventJson.write(event);
    }

    /** Lowercase hex SHA-256 of a payload text: {@code content_hash}. */
    public static String hash(String payload) {
        return EventJson.hash(payload);
    }

    /** The event stored with this {@code event_type}. */
    public static Event read(String eventType, String payload) {
        Class<? extends Event> type;
        try {
            type = ByNameLayout.ofEventType(eventType).eventType();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("unknown event_type '" + eventType + "'", e);
        }
        try {
            return EventJson.read(payload, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored event payload does not match its event type " + eventType, e);
        }
    }

    /** {@code service_event.event_type}: the simple name of the model record. */
    public static String eventType(Event event) {
        return ByNameLayout.of(event).eventTypeName();
    }

    /** {@code service_event.layout}: the built-in by-name layout of the event's type. */
    public static String layout(Event event) {
        return ByNameLayout.of(event).id();
    }
}
