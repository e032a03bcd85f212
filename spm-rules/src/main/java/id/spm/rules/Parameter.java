package id.spm.rules;

/**
 * One named parameter of a rule set, as published (API {@code GET /services}, module README).
 *
 * @param name dotted name, e.g. {@code antenatal.trimester1MaxWeek}
 * @param value the value, rendered as text
 * @param description what it decides
 * @param interpretation whether the digest marks it [interpretation] (a choice the regulation leaves open)
 */
public record Parameter(String name, String value, String description, boolean interpretation) {
}
