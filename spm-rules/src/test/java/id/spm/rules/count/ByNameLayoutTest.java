package id.spm.rules.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import id.spm.rules.model.Event;

/** The closed family of events and its one registry of layouts: each event type has exactly one layout. */
class ByNameLayoutTest {

    @Test
    void everyEventTypeHasExactlyOneLayout() {
        assertThat(Event.class.isSealed()).isTrue();
        assertThat(Stream.of(ByNameLayout.values()).<Class<?>> map(ByNameLayout::eventType))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Event.class.getPermittedSubclasses()));
        assertThat(Stream.of(ByNameLayout.values()).map(ByNameLayout::id)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(ByNameLayout.class)
    void theEventTypeNameFindsItsLayout(ByNameLayout l) {
        assertThat(ByNameLayout.ofEventType(l.eventTypeName())).isSameAs(l);
        assertThat(l.eventTypeName()).isEqualTo(l.eventType().getSimpleName());
    }

    @Test
    void anUnknownEventTypeIsRefused() {
        assertThatThrownBy(() -> ByNameLayout.ofEventType("Target")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Target");
    }
}
