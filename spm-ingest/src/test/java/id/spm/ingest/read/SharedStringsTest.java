package id.spm.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedStringsTest {

    @Test
    void stringsComeBackAsAddedWhateverTheirScript() {
        SharedStrings s = new SharedStrings(1 << 20);
        s.add("Makale");
        s.add("");
        s.add("Désa Ñ ✓ 東京");
        for (int i = 0; i < 1000; i++) {
            s.add("p" + i);
        }
        assertThat(s.size()).isEqualTo(1003);
        assertThat(s.get(0)).isEqualTo("Makale");
        assertThat(s.get(1)).isEmpty();
        assertThat(s.get(2)).isEqualTo("Désa Ñ ✓ 東京");
        assertThat(s.get(1002)).isEqualTo("p999");
    }

    @Test
    void theTableIsRefusedPastItsMemoryLimitCountingFourBytesPerString() {
        SharedStrings s = new SharedStrings(100);
        for (int i = 0; i < 10; i++) {
            s.add("abcdef"); // 6 bytes + 4 per string: 100 bytes after ten
        }
        assertThatThrownBy(() -> s.add("x")).isInstanceOfSatisfying(FileRefusedException.class,
                e -> assertThat(e.code()).isEqualTo(FileRefusedException.Code.SHARED_STRINGS_TOO_LARGE));
    }
}
