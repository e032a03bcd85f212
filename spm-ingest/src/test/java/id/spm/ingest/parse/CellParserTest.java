package id.spm.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.ColumnType;
import id.spm.ingest.read.Cell;
import id.spm.ingest.report.ErrorCode;
import id.spm.rules.model.Sex;

// Most rows go through the boxed parse(column, cell) that callers outside the module still use; it
// delegates to the typed methods, which the last tests call directly, with the row the reader fills.
@SuppressWarnings("deprecation")
class CellParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    static final Regions REGIONS = Regions.of(Map.of("73", "Sulawesi Selatan", "73.18", "Tana Toraja", "73.18.01",
            "Bonggakaradeng", "73.18.01.2001", "Desa A"));
    final CellParser parser = new CellParser(TODAY, REGIONS, PuskesmasRegistry.of(java.util.Set.of("P7318010101")),
            false);

    static ColumnSpec col(ColumnType type) {
        return new ColumnSpec("f", "Kolom", List.of(), type, true, false, Map.of("Lahir Hidup", "LIVE_BIRTH"), "any",
                List.of("I10-I15", "E10-E14"), null, null, false);
    }

    static ColumnSpec region(String level) {
        return new ColumnSpec("f", "Kolom", List.of(), ColumnType.REGION, true, false, Map.of(), level, List.of(), null,
                null, false);
    }

    static Cell cell(String s) {
        return new Cell(0, s, Cell.Kind.TEXT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "05/08/2025|2025-08-05", "5/8/2025|2025-08-05", "05-08-2025|2025-08-05",
            "2025-08-05|2025-08-05", "2025-8-5|2025-08-05", "5 Agustus 2025|2025-08-05", "12 Jan 2025|2025-01-12",
            "1 Agu 2025|2025-08-01", "1 Agt 2025|2025-08-01", "1 Ags 2025|2025-08-01", "3 Sep 2025|2025-09-03",
            "3 Sept 2025|2025-09-03", "9 Okt 2025|2025-10-09", "24 Des 2025|2025-12-24", "7 Mei 2025|2025-05-07",
            "7-Mei-2025|2025-05-07", "45658|2025-01-01", "1|1900-01-01", "59|1900-02-28", "61|1900-03-01",
            "15 Januari 2026|2026-01-15", "2025/08/05|2025-08-05", "05.08.2025|2025-08-05", " 5/8/2025 |2025-08-05",
            "29/02/2024|2024-02-29", "2025-08-5|2025-08-05", "1.2.2025|2025-02-01" })
    void datesInEveryAcceptedSpelling(String raw, LocalDate expected) {
        assertThat(parser.dateTime(col(ColumnType.DATE), cell(raw)).date()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "31/02/2025|INVALID_DATE", "30/02/2024|INVALID_DATE", "2025-13-01|INVALID_DATE",
            "kemarin|INVALID_DATE", "5 Agustusan 2025|INVALID_DATE", "31/12/1899|DATE_BEFORE_1900",
            "16/01/2026|DATE_IN_FUTURE", "60|INVALID_DATE", "05/08/25|INVALID_DATE",
            "0/08/2025|INVALID_DATE", "05/00/2025|INVALID_DATE", "2025-02-30|INVALID_DATE",
            "2025.08.05|INVALID_DATE" })
    void impossibleEarlyAndFutureDatesAreErrors(String raw, ErrorCode code) {
        assertThatThrownBy(() -> parser.dateTime(col(ColumnType.DATE), cell(raw)).date()).isInstanceOfSatisfying(
                CellProblem.class,
                p -> assertThat(p.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "05/08/2025 14:30|2025-08-05|14:30", "2025-08-05T07:05|2025-08-05|07:05",
            "5 Agustus 2025 08.15|2025-08-05|08:15", "45658.5|2025-01-01|12:00", "05/08/2025|2025-08-05|" })
    void dateTimes(String raw, LocalDate date, LocalTime time) {
        assertThat(parser.dateTime(col(ColumnType.DATETIME), cell(raw))).isEqualTo(new DateTimeValue(date, time));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "12.5|12.5", "12,5|12.5", "0|0", "7|7", "3.|3" })
    void numbersWithEitherDecimalMark(String raw, BigDecimal expected) {
        assertThat(parser.decimal(col(ColumnType.NUMBER), cell(raw))).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "1.234,5|INVALID_NUMBER", "1.234.567|INVALID_NUMBER", "dua|INVALID_NUMBER",
            "-3|NEGATIVE_NUMBER", "12kg|INVALID_NUMBER" })
    void badNumbers(String raw, ErrorCode code) {
        assertThatThrownBy(() -> parser.decimal(col(ColumnType.NUMBER), cell(raw))).isInstanceOfSatisfying(CellProblem.class,
                p -> assertThat(p.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "2.5|INVALID_NUMBER", "-1|NEGATIVE_NUMBER" })
    void integersAreWhole(String raw, ErrorCode code) {
        assertThatThrownBy(() -> parser.whole(col(ColumnType.INTEGER), cell(raw))).isInstanceOfSatisfying(CellProblem.class,
                p -> assertThat(p.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = { "3273110101900001|3273110101900001",
            "'3273110101900001|3273110101900001",
            "3273 1101 0190 0001|3273110101900001", "3273.1101.0190.0001|3273110101900001" })
    void nikIsCleanedButKeptAsText(String raw, String expected) {
        assertThat(parser.text(col(ColumnType.NIK), cell(raw))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "3.27311E+15|NIK_NOT_TEXT", "3,27311E+15|NIK_NOT_TEXT",
            "327311010190000|NIK_INVALID", "32731101019000011|NIK_INVALID", "3273A10101900001|NIK_INVALID" })
    void nikErrorsAreNeverRepaired(String raw, ErrorCode code) {
        assertThatThrownBy(() -> parser.text(col(ColumnType.NIK), cell(raw))).isInstanceOfSatisfying(CellProblem.class,
                p -> assertThat(p.code()).isEqualTo(code));
    }

    @org.junit.jupiter.api.Test
    void numericNikCellTellsToFormatAsText() {
        assertThatThrownBy(() -> parser.text(col(ColumnType.NIK), new Cell(0, "3273110101900000", Cell.Kind.NUMBER)))
                .isInstanceOfSatisfying(CellProblem.class, p -> {
                    assertThat(p.code()).isEqualTo(ErrorCode.NIK_NOT_TEXT);
                    assertThat(p.reason()).contains("format the column as Text");
                });
        assertThat(CellParser.maskNik("3273110101900001")).isEqualTo("3273************");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Ya|true", "Y|true", "1|true", "✓|true", "v|true", "Sudah|true",
            "Tidak|false", "T|false", "N|false", "0|false", "Belum|false", "ya|true", "TIDAK|false" })
    void yesNoVocabulary(String raw, boolean expected) {
        assertThat(parser.yesNo(col(ColumnType.YESNO), cell(raw))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "mungkin", "x", "2" })
    void otherYesNoIsAnError(String raw) {
        assertThatThrownBy(() -> parser.yesNo(col(ColumnType.YESNO), cell(raw))).isInstanceOfSatisfying(CellProblem.class,
                p -> assertThat(p.code()).isEqualTo(ErrorCode.INVALID_YESNO));
    }

    @ParameterizedTest
    @CsvSource({ "L,MALE", "P,FEMALE", "Laki-laki,MALE", "Perempuan,FEMALE", "M,MALE", "F,FEMALE" })
    void sex(String raw, Sex expected) {
        assertThat(parser.sex(col(ColumnType.SEX), cell(raw))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "3273111001|desa|UNKNOWN_REGION", "73.18.01.9999|desa|UNKNOWN_REGION",
            "7318012001|desa|", "73.18.01.2001|desa|", "73.18.01|desa|INVALID_CODE", "731801|kecamatan|",
            "73.18.99|kecamatan|UNKNOWN_REGION", "73-18|any|INVALID_CODE" })
    void regionCodesPlainOrDottedAgainstTheList(String raw, String level, ErrorCode code) {
        if (code == null) {
            assertThat(parser.text(region(level), cell(raw))).asString().startsWith("73.18");
        } else {
            assertThatThrownBy(() -> parser.text(region(level), cell(raw)))
                    .isInstanceOfSatisfying(CellProblem.class, p -> assertThat(p.code()).isEqualTo(code));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "P7318010101|", "p7318010101|", "P7318010102|UNKNOWN_PUSKESMAS",
            "P12345|INVALID_CODE", "7318010101|INVALID_CODE" })
    void puskesmasMustBeRegistered(String raw, ErrorCode code) {
        if (code == null) {
            assertThat(parser.text(col(ColumnType.PUSKESMAS), cell(raw))).isEqualTo("P7318010101");
        } else {
            assertThatThrownBy(() -> parser.text(col(ColumnType.PUSKESMAS), cell(raw))).isInstanceOfSatisfying(
                    CellProblem.class,
                    p -> assertThat(p.code()).isEqualTo(code));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "I10|I10", "e11.9|E11.9", "Hipertensi|E14", "F20|" })
    void icd10WithinTheLayoutRanges(String raw, String expected) {
        ColumnSpec c = new ColumnSpec("f", "Diagnosis", List.of(), ColumnType.ICD10, true, false,
                Map.of("Hipertensi", "E14"), "any", List.of("I10-I15", "E10-E14"), null, null, false);
        if (expected == null) {
            assertThatThrownBy(() -> parser.text(c, cell(raw)))
                    .isInstanceOfSatisfying(CellProblem.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.INVALID_VALUE));
        } else {
            assertThat(parser.text(c, cell(raw))).isEqualTo(expected);
        }
    }

    @org.junit.jupiter.api.Test
    void formulasAndErrorValuesAreCellErrors() {
        assertThatThrownBy(() -> parser.text(col(ColumnType.TEXT), new Cell(0, "=cmd|' /C calc'!A0", Cell.Kind.FORMULA)))
                .isInstanceOfSatisfying(CellProblem.class, p -> assertThat(p.code()).isEqualTo(ErrorCode.FORMULA));
        assertThatThrownBy(() -> parser.dateTime(col(ColumnType.DATE), new Cell(0, "#N/A", Cell.Kind.ERROR)))
                .isInstanceOfSatisfying(CellProblem.class,
                        p -> assertThat(p.code()).isEqualTo(ErrorCode.CELL_ERROR_VALUE));
        assertThat(parser.text(col(ColumnType.ENUM), cell("lahir  hidup"))).isEqualTo("LIVE_BIRTH");
    }

    @org.junit.jupiter.api.Test
    void typedMethodsReturnTheirColumnsType() {
        assertThat(parser.dateTime(col(ColumnType.DATE), new Cell(0, "05/08/2025 14:30", Cell.Kind.TEXT)))
                .isEqualTo(new DateTimeValue(LocalDate.of(2025, 8, 5), null));
        assertThat(parser.dateTime(col(ColumnType.DATETIME), new Cell(0, "05/08/2025 14:30", Cell.Kind.TEXT)))
                .isEqualTo(new DateTimeValue(LocalDate.of(2025, 8, 5), LocalTime.of(14, 30)));
        assertThat(parser.whole(col(ColumnType.INTEGER), new Cell(0, "3000000000", Cell.Kind.TEXT))).isEqualTo(3_000_000_000L);
        assertThat(parser.yesNo(col(ColumnType.YESNO), new Cell(0, "Sudah", Cell.Kind.TEXT))).isTrue();
        assertThat(parser.text(col(ColumnType.NIK), new Cell(0, "'3273110101900001", Cell.Kind.TEXT)))
                .isEqualTo("3273110101900001");
        assertThatThrownBy(() -> parser.text(col(ColumnType.DATE), new Cell(0, "05/08/2025", Cell.Kind.TEXT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void aRowHoldsEachValueByItsKindAndIsClearedForTheNext() {
        List<ColumnSpec> cols = List.of(col(ColumnType.NIK), col(ColumnType.INTEGER), col(ColumnType.YESNO),
                col(ColumnType.DATE));
        ParsedRow row = new ParsedRow(cols);
        parser.parse(cols.get(0), new Cell(0, "3273110101900001", Cell.Kind.TEXT), row, 0);
        parser.parse(cols.get(1), new Cell(1, "42", Cell.Kind.NUMBER), row, 1);
        parser.parse(cols.get(2), new Cell(2, "Tidak", Cell.Kind.TEXT), row, 2);
        assertThat(row.text(0)).isEqualTo("3273110101900001");
        assertThat(row.whole(1)).isEqualTo(42);
        assertThat(row.has(2)).isTrue();
        assertThat(row.yes(2)).isFalse();
        assertThat(row.has(3)).isFalse();
        assertThat(row.dateTime(3)).isNull();
        assertThatThrownBy(() -> row.decimal(1)).isInstanceOf(IllegalStateException.class);
        row.clear();
        assertThat(row.has(0)).isFalse();
        assertThat(row.text(0)).isNull();
        assertThat(row.whole(1)).isZero();
    }
}
