package id.spm.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ages in completed years and months (§9 General), computed on the date fields: the digest's
 * boundaries, and agreement with LocalDate's plusYears/plusMonths (which clamp as §9 requires) over
 * every pair of a span of dates.
 */
class AgesTest {

    @ParameterizedTest(name = "born {0}, on {1}: {2} years")
    @CsvSource({
            "2010-06-15, 2025-06-14, 14", // the day before the birthday
            "2010-06-15, 2025-06-15, 15", // a birthday counts on the day
            "2008-02-29, 2025-02-28, 17", // 29 February falls on 28 February in a common year
            "2008-02-29, 2025-02-27, 16",
            "2008-02-29, 2024-02-28, 15", // in a leap year it stays on the 29th
            "2008-02-29, 2024-02-29, 16",
            "2025-03-01, 2025-02-28, -1" // before birth: negative
    })
    void years(LocalDate birth, LocalDate on, int years) {
        assertThat(Ages.years(birth, on)).isEqualTo(years);
    }

    @ParameterizedTest(name = "born {0}, on {1}: {2} months")
    @CsvSource({
            "2024-01-31, 2024-02-29, 1", // a monthly birthday missing from a month falls on its last day
            "2024-01-31, 2024-02-28, 0",
            "2023-01-31, 2023-02-28, 1",
            "2024-03-31, 2024-04-30, 1",
            "2024-03-31, 2024-04-29, 0",
            "2024-05-15, 2025-05-14, 11",
            "2024-05-15, 2025-05-15, 12",
            "2020-12-31, 2025-11-30, 59",
            "2020-12-31, 2025-12-31, 60"
    })
    void months(LocalDate birth, LocalDate on, int months) {
        assertThat(Ages.months(birth, on)).isEqualTo(months);
    }

    /** The reference: the first birthday (yearly or monthly) after {@code on} is not yet completed. */
    @Test
    void agreesWithLocalDateArithmeticOverFourYearsOfPairs() {
        LocalDate first = LocalDate.of(2019, 12, 1);
        long checked = Stream.iterate(first, d -> d.plusDays(1)).limit(4 * 366 + 62).mapToLong(birth -> {
            long n = 0;
            for (int offset = 0; offset <= 6 * 366; offset += 7) {
                LocalDate on = birth.plusDays(offset + birth.getDayOfMonth() % 7);
                int y = on.getYear() - birth.getYear();
                int years = birth.plusYears(y).isAfter(on) ? y - 1 : y;
                int m = (on.getYear() - birth.getYear()) * 12 + on.getMonthValue() - birth.getMonthValue();
                int months = birth.plusMonths(m).isAfter(on) ? m - 1 : m;
                assertThat(Ages.years(birth, on)).as("years %s %s", birth, on).isEqualTo(years);
                assertThat(Ages.months(birth, on)).as("months %s %s", birth, on).isEqualTo(months);
                n++;
            }
            return n;
        }).sum();
        assertThat(checked).isGreaterThan(100_000);
    }
}
