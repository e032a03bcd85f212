package id.spm.rules.model;

/** ICD-10 ranges the rules read. Codes are upper case, e.g. {@code I10}, {@code E11.9}, {@code F20}. */
public final class Icd10 {

    private Icd10() {
    }

    /** Hypertensive diseases, I10–I15 (section 9.8). */
    public static boolean isHypertension(String code) {
        return inRange(code, 'I', 10, 15);
    }

    /** Diabetes mellitus, E10–E14 (section 9.9). */
    public static boolean isDiabetes(String code) {
        return inRange(code, 'E', 10, 14);
    }

    /** Schizophrenia, schizotypal, delusional and acute psychotic disorders, F20–F29 (section 9.10). */
    public static boolean isSevereMentalDisorder(String code) {
        return inRange(code, 'F', 20, 29);
    }

    private static boolean inRange(String code, char letter, int from, int to) {
        if (code == null || code.length() < 3 || code.charAt(0) != letter) {
            return false;
        }
        char a = code.charAt(1);
        char b = code.charAt(2);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return false;
        }
        int n = (a - '0') * 10 + (b - '0');
        return n >= from && n <= to;
    }
}
