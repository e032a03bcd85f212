package id.spm.rules.target;

/**
 * An age group of the {@code penduduk} layout: {@code 0}, {@code 1-4}, {@code 5-9} … {@code 75+}, or a
 * single year.
 *
 * @param fromAge first age in completed years
 * @param toAge last age, or {@code null} for an open group ({@code 75+})
 */
public record AgeGroup(int fromAge, Integer toAge) {

    public AgeGroup {
        if (fromAge < 0 || (toAge != null && toAge < fromAge)) {
            throw new IllegalArgumentException("age group " + fromAge + "-" + toAge + " is not a range");
        }
    }

    /** Parses {@code 0}, {@code 1-4}, {@code 75+}, {@code 15 - 19}. */
    public static AgeGroup parse(String s) {
        String t = s.strip().replace(" ", "").replace('–', '-');
        try {
            if (t.endsWith("+")) {
                return new AgeGroup(Integer.parseInt(t.substring(0, t.length() - 1)), null);
            }
            int dash = t.indexOf('-');
            if (dash < 0) {
                int a = Integer.parseInt(t);
                return new AgeGroup(a, a);
            }
            return new AgeGroup(Integer.parseInt(t.substring(0, dash)), Integer.parseInt(t.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("age group '" + s + "' is not 0, 1-4, 75+ or a single year", e);
        }
    }

    /** Whether every age of the group is at least {@code age}. */
    public boolean allAtLeast(int age) {
        return fromAge >= age;
    }

    /** Whether no age of the group is {@code age} or more. */
    public boolean allBelow(int age) {
        return toAge != null && toAge < age;
    }

    @Override
    public String toString() {
        return toAge == null ? fromAge + "+" : toAge == fromAge ? Integer.toString(fromAge) : fromAge + "-" + toAge;
    }
}
