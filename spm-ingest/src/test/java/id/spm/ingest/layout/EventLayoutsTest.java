package id.spm.ingest.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import id.spm.rules.count.ByNameLayout;

/**
 * The layouts and the rules' one registry of event types ({@link ByNameLayout}) agree: every built-in
 * layout file of events maps to exactly one event type, and every event type has its layout file.
 */
class EventLayoutsTest {

    static final LayoutRegistry BUILT_IN = LayoutRegistry.builtIn();

    @Test
    void everyBuiltInLayoutFileMapsToExactlyOneEventTypeOrNoneWhenItHoldsNoEvents() {
        for (Layout l : BUILT_IN.all()) {
            List<ByNameLayout> members = Stream.of(ByNameLayout.values())
                    .filter(m -> m.id().equals(l.name()) || m.eventTypeName().equals(l.target().typeName()))
                    .toList();
            if (l.target().isEvent()) {
                assertThat(members).as(l.name()).hasSize(1);
                assertThat(members.get(0).id()).as(l.name()).isEqualTo(l.name());
                assertThat(l.target().byNameLayout()).as(l.name()).contains(members.get(0));
            } else {
                assertThat(members).as(l.name()).isEmpty();
                assertThat(l.target().byNameLayout()).as(l.name()).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ByNameLayout.class)
    void everyEventTypeHasItsBuiltInLayoutFile(ByNameLayout m) {
        Layout l = BUILT_IN.find(m.id()).orElseThrow();
        assertThat(l.target().byNameLayout()).contains(m);
        assertThat(l.target().typeName()).isEqualTo(m.eventTypeName());
        assertThat(RowKind.of(m.eventTypeName())).isSameAs(l.target());
    }

    @Test
    void theEventRowKindsAreTheEventTypes() {
        assertThat(Stream.of(RowKind.values()).filter(RowKind::isEvent).map(k -> k.byNameLayout().orElseThrow()))
                .containsExactlyInAnyOrder(ByNameLayout.values());
    }
}
