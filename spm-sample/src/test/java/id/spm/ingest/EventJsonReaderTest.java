package id.spm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.spm.rules.model.AncVisit;
import id.spm.rules.model.Event;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.Screening;
import id.spm.sample.PopulationGenerator;

/**
 * The streaming payload reader (issue 13) reads every generated event exactly as the data binder does (record
 * equality: BigDecimal scale, sets, nulls), and never needs the binder's fallback for what {@link EventJson#write}
 * produces; anything else still reads as the binder reads it.
 */
class EventJsonReaderTest {

    @Test
    void every_generated_event_reads_as_the_data_binder_reads_it_without_falling_back() throws Exception {
        Map<Class<?>, Integer> types = new HashMap<>();
        PopulationGenerator gen = PopulationGenerator.tanaToraja(7L, 30_000, 2025);
        int n = 0;
        for (PersonRecord p : gen) {
            for (Event e : p.events()) {
                String json = EventJson.write(e);
                Event fast = EventJsonReader.read(json, e.getClass());
                assertThat(fast).isEqualTo(e).isEqualTo(EventJson.bind(json, e.getClass()));
                assertThat(EventJson.write(fast)).isEqualTo(json);
                types.merge(e.getClass(), 1, Integer::sum);
                n++;
            }
        }
        assertThat(n).isGreaterThan(50_000);
        assertThat(types).as("every event type of the model").hasSize(Event.class.getPermittedSubclasses().length);
    }

    @Test
    void nulls_missing_and_unknown_properties_read_as_the_binder_reads_them() throws Exception {
        String anc = "{\"date\":\"2025-02-03\",\"puskesmas\":\"P7318010101\",\"hpht\":null,\"examiner\":\"MIDWIFE\","
                + "\"usg\":null,\"unknown\":{\"a\":[1,2]},\"tenT\":[]}";
        assertThat(EventJsonReader.read(anc, AncVisit.class)).isEqualTo(EventJson.bind(anc, AncVisit.class));
        String screening = "{\"date\":\"2025-02-03\",\"puskesmas\":\"P7318010101\",\"weightKg\":60,\"heightCm\":160.50,"
                + "\"systolic\":120}";
        Screening s = EventJsonReader.read(screening, Screening.class);
        assertThat(s).isEqualTo(EventJson.bind(screening, Screening.class));
        assertThat(s.heightCm()).isEqualTo(new BigDecimal("160.50"));
    }

    @Test
    void what_the_writer_never_produces_falls_back_to_the_binder() {
        String numberAsText = "{\"date\":\"2025-02-03\",\"puskesmas\":\"P7318010101\",\"systolic\":\"120\"}";
        assertThatThrownBy(() -> EventJsonReader.read(numberAsText, Screening.class))
                .isInstanceOf(EventJsonReader.Unexpected.class);
        assertThat(EventJson.read(numberAsText, Screening.class)).isEqualTo(EventJson.bind(numberAsText, Screening.class));
        assertThat(EventJson.read(numberAsText, Screening.class).systolic()).isEqualTo(120);
        assertThatThrownBy(() -> EventJson.read("{\"date\":\"2025-02-03\"}", AncVisit.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
