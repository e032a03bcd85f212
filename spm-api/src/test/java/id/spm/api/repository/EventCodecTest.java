package id.spm.api.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.spm.api.SampleData;
import id.spm.ingest.EventJson;
import id.spm.rules.model.Event;
import id.spm.rules.model.PersonRecord;

class EventCodecTest {

    private final List<Event> events = SampleData.persons("codec", 60, 2025, List.of("P7318010101", "P7318020202"), 7)
            .stream().map(PersonRecord::events).flatMap(List::stream).toList();

    @Test
    void an_event_reads_back_as_itself_by_its_event_type() {
        assertThat(events).isNotEmpty();
        for (Event e : events) {
            EventCodec.Encoded enc = EventCodec.encode(e);
            assertThat(enc.eventType()).isEqualTo(e.getClass().getSimpleName());
            assertThat(EventCodec.read(enc.eventType(), enc.payload())).isEqualTo(e);
        }
    }

    @Test
    void the_demo_gets_the_payload_and_content_hash_the_importer_computes() {
        for (Event e : events) {
            String importer = EventJson.write(e);
            EventCodec.Encoded demo = EventCodec.encode(e);
            assertThat(demo.payload()).isEqualTo(importer);
            assertThat(demo.contentHash()).isEqualTo(EventJson.hash(importer)).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void a_payload_with_a_property_the_record_no_longer_has_still_reads() {
        // Rows the demo wrote before the codec was shared carried derived accessors as properties.
        Event e = events.get(0);
        String payload = EventCodec.write(e);
        String older = "{\"derivedFlag\":true," + payload.substring(1);
        assertThat(EventCodec.read(EventCodec.eventType(e), older)).isEqualTo(e);
    }

    @Test
    void an_unknown_event_type_is_refused() {
        assertThatThrownBy(() -> EventCodec.read("Nope", "{}")).isInstanceOf(IllegalStateException.class);
    }
}
