package id.spm.api.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyTextTest {

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            plain          | plain
            a\\b           | a\\\\b
            {"k":"v"}      | {"k":"v"}
            """)
    void backslashes_are_doubled_and_clean_text_is_copied_whole(String in, String out) {
        assertThat(CopyText.value(new StringBuilder(), in.strip()).toString()).isEqualTo(out.strip());
    }

    @org.junit.jupiter.api.Test
    void control_characters_null_numbers_and_rows() {
        StringBuilder b = new StringBuilder();
        CopyText.field(b, "tab\there");
        CopyText.field(b, "line\r\nend");
        CopyText.field(b, null);
        CopyText.field(b, 2025);
        CopyText.field(b, new BigDecimal("1E+3"));
        CopyText.last(b, 7L);
        assertThat(b).hasToString("tab\\there\tline\\r\\nend\t\\N\t2025\t1000\t7\n");
    }
}
