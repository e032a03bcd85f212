package id.spm.ingest.parse;

import java.time.LocalDate;
import java.time.LocalTime;

/** A date with the time of day when the cell had one. */
public record DateTimeValue(LocalDate date, LocalTime time) {
}
