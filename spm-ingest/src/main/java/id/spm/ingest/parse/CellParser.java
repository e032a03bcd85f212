package id.spm.ingest.parse;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.spm.ingest.layout.ColumnSpec;
import id.spm.ingest.layout.ColumnType;
import id.spm.ingest.layout.Names;
import id.spm.ingest.read.Cell;
import id.spm.ingest.report.ErrorCode;
import id.spm.rules.SpmService;
import id.spm.rules.model.Sex;

/**
 * Parses one cell by its column's type (formats.md, "Rules every layout follows"). Pure: the day of
 * import is given, never read from a clock. Throws {@link CellProblem} for a cell it rejects.
 */
public final class CellParser {

    private static final LocalDate EXCEL_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EXCEL_1904 = LocalDate.of(1904, 1, 1);
    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[/\\-.](\\d{1,2})[/\\-.](\\d{4})");
    private static final Pattern NAMED = Pattern.compile("(\\d{1,2})[\\s\\-/.]+(\\p{L}+)\\.?[\\s\\-/.,]+(\\d{4})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(?:[.,]\\d+)?");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(?:[.,]\\d+)?[eE][+-]?\\d+");
    private static final Pattern ICD = Pattern.compile("([A-Z])(\\d{2})(?:\\.\\d{1,2})?");
    private static final Pattern AGE = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3})|(\\+))?");
    private static final Map<String, Integer> MONTHS = months();
    private static final Set<String> YES = Set.of("ya", "y", "1", "✓", "v", "sudah", "yes", "true");
    private static final Set<String> NO = Set.of("tidak", "t", "n", "0", "belum", "no", "false", "tdk");

    private final LocalDate today;
    private final Regions regions;
    private final PuskesmasRegistry puskesmas;
    private final boolean date1904;
    /** Per column (by identity: a record's hash would walk its whole vocabulary on every lookup). */
    private final Map<ColumnSpec, Map<String, String>> vocabularies = new java.util.IdentityHashMap<>();
    /** Per column, raw cell text → its vocabulary value, for the few spellings a file repeats on every row. */
    private final Map<ColumnSpec, Map<String, String>> spellings = new java.util.IdentityHashMap<>();
    /** Spellings remembered per column; beyond, the normalised lookup alone. */
    private static final int SPELLINGS = 256;
    /** The usual spellings of yes and no, as typed: looked up as they are, before any normalisation. */
    private static final Map<String, Boolean> YES_NO_TYPED = yesNoTyped();

    /**
     * @param today the day of import: later dates are rejected
     * @param regions the Kemendagri list, or {@code null} to check region codes by shape only
     * @param puskesmas registered Puskesmas
     * @param date1904 whether the workbook counts serial dates from 1904
     */
    /** The same parser with caches of its own, for another thread (a parser is not shared between threads). */
    public CellParser fresh() {
        return new CellParser(today, regions, puskesmas, date1904);
    }

    /** The same parser checking Puskesmas codes against another registry. */
    public CellParser withPuskesmas(PuskesmasRegistry registry) {
        return new CellParser(today, regions, registry, date1904);
    }

    public CellParser(LocalDate today, Regions regions, PuskesmasRegistry puskesmas, boolean date1904) {
        this.today = Objects.requireNonNull(today, "today");
        this.regions = regions;
        this.puskesmas = Objects.requireNonNull(puskesmas, "puskesmas");
        this.date1904 = date1904;
    }

    private static Map<String, Boolean> yesNoTyped() {
        Map<String, Boolean> m = new HashMap<>();
        for (String y : YES) {
            m.put(y, true);
            m.put(y.toUpperCase(Locale.ROOT), true);
            m.put(y.isEmpty() ? y : Character.toUpperCase(y.charAt(0)) + y.substring(1), true);
        }
        for (String n : NO) {
            m.put(n, false);
            m.put(n.toUpperCase(Locale.ROOT), false);
            m.put(n.isEmpty() ? n : Character.toUpperCase(n.charAt(0)) + n.substring(1), false);
        }
        return Map.copyOf(m);
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new HashMap<>();
        String[][] names = { { "januari", "jan" }, { "februari", "feb", "peb", "pebruari" }, { "maret", "mar" },
                { "april", "apr" }, { "mei", "may" }, { "juni", "jun" }, { "juli", "jul" },
                { "agustus", "agu", "agt", "ags", "aug", "august" }, { "september", "sep", "sept" },
                { "oktober", "okt", "oct", "october" }, { "november", "nov", "nop", "nopember" },
                { "desember", "des", "dec", "december" } };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        m.put("january", 1);
        m.put("february", 2);
        m.put("march", 3);
        m.put("june", 6);
        m.put("july", 7);
        return Map.copyOf(m);
    }

    /** The month number of an Indonesian (or English) month name, or 0. */
    public static int month(String name) {
        return MONTHS.getOrDefault(name.toLowerCase(Locale.ROOT), 0);
    }

    /**
     * Parses a non-blank cell into {@code row} at column {@code i}, as the type of its column's
     * {@link ValueKind}. The reader's path: no value is boxed.
     */
    public void parse(ColumnSpec column, Cell cell, ParsedRow row, int i) {
        String text = value(cell);
        switch (ValueKind.of(column.type())) {
            case TEXT -> row.set(i, ValueKind.TEXT, text(column, cell, text));
            case DATE_TIME -> row.set(i, ValueKind.DATE_TIME, dateTime(column, cell, text));
            case TIME -> row.set(i, ValueKind.TIME, time(cell));
            case DECIMAL -> row.set(i, ValueKind.DECIMAL, range(column, number(text)));
            case WHOLE -> row.set(i, ValueKind.WHOLE, whole(column, text));
            case YES_NO -> row.set(i, ValueKind.YES_NO, yesNo(cell) ? 1 : 0);
            case SEX -> row.set(i, ValueKind.SEX, sex(text));
            case SERVICE -> row.set(i, ValueKind.SERVICE, service(text));
            case REGION_LIST -> row.set(i, ValueKind.REGION_LIST, regionList(text, column.level()));
        }
    }

    /** A non-blank cell of a {@link ValueKind#TEXT} column: text, NIK, code, vocabulary value, age group. */
    public String text(ColumnSpec column, Cell cell) {
        return text(column, cell, value(cell, column, ValueKind.TEXT));
    }

    /** A non-blank cell of a date or date-time column (a date column's value has no time). */
    public DateTimeValue dateTime(ColumnSpec column, Cell cell) {
        return dateTime(column, cell, value(cell, column, ValueKind.DATE_TIME));
    }

    public LocalTime time(ColumnSpec column, Cell cell) {
        value(cell, column, ValueKind.TIME);
        return time(cell);
    }

    public BigDecimal decimal(ColumnSpec column, Cell cell) {
        return range(column, number(value(cell, column, ValueKind.DECIMAL)));
    }

    public long whole(ColumnSpec column, Cell cell) {
        return whole(column, value(cell, column, ValueKind.WHOLE));
    }

    public boolean yesNo(ColumnSpec column, Cell cell) {
        value(cell, column, ValueKind.YES_NO);
        return yesNo(cell);
    }

    public Sex sex(ColumnSpec column, Cell cell) {
        return sex(value(cell, column, ValueKind.SEX));
    }

    public SpmService service(ColumnSpec column, Cell cell) {
        return service(value(cell, column, ValueKind.SERVICE));
    }

    public List<String> regions(ColumnSpec column, Cell cell) {
        return regionList(value(cell, column, ValueKind.REGION_LIST), column.level());
    }

    private static String value(Cell cell, ColumnSpec column, ValueKind kind) {
        if (ValueKind.of(column.type()) != kind) {
            throw new IllegalArgumentException(
                    "Column " + column.field() + " is of type " + column.type() + ", whose values are not " + kind + ".");
        }
        return value(cell);
    }

    /** The stripped text of a cell that holds a value, not a formula or an error. */
    private static String value(Cell cell) {
        if (cell.kind() == Cell.Kind.FORMULA) {
            throw new CellProblem(ErrorCode.FORMULA, "A formula is not accepted (its result is not trusted and a"
                    + " formula is an injection risk); paste the value instead.");
        }
        if (cell.kind() == Cell.Kind.ERROR) {
            throw new CellProblem(ErrorCode.CELL_ERROR_VALUE, "The cell holds the spreadsheet error " + cell.text()
                    + "; enter the value.");
        }
        return cell.text().strip();
    }

    private String text(ColumnSpec column, Cell cell, String text) {
        return switch (column.type()) {
            case TEXT -> cell.kind() == Cell.Kind.NUMBER ? plainNumber(text) : text;
            case NIK -> nik(cell);
            case ENUM -> vocabulary(column, text);
            case PUSKESMAS -> puskesmas(text);
            case REGION -> region(text, column.level());
            case AREA -> area(text);
            case ICD10 -> icd10(column, text);
            case AGE_GROUP -> ageGroup(text);
            default -> throw new IllegalArgumentException(column.type() + " values are not text.");
        };
    }

    private DateTimeValue dateTime(ColumnSpec column, Cell cell, String text) {
        DateTimeValue v = dateTime(cell);
        // A date column keeps the date only, whatever time the cell also wrote.
        return column.type() == ColumnType.DATE && v.time() != null ? new DateTimeValue(v.date(), null) : v;
    }

    private static long whole(ColumnSpec column, String text) {
        int n = text.length();
        if (n > 0 && n <= 15 && digitsAt(text, 0) == n) {
            // Plain digits: the value number() and whole() would give, without a pattern or a BigDecimal.
            long v = Long.parseLong(text);
            if ((column.min() == null || BigDecimal.valueOf(v).compareTo(column.min()) >= 0)
                    && (column.max() == null || BigDecimal.valueOf(v).compareTo(column.max()) <= 0)) {
                return v;
            }
        }
        return range(column, whole(number(text))).longValueExact();
    }

    private static String plainNumber(String text) {
        try {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    // formats.md "NIK": strip spaces, dots and a leading apostrophe; never repair lost digits.
    String nik(Cell cell) {
        if (cell.kind() == Cell.Kind.NUMBER) {
            throw new CellProblem(ErrorCode.NIK_NOT_TEXT, "The NIK is stored as a number, so the spreadsheet has"
                    + " kept only 15 significant digits; format the column as Text and enter the NIK again.");
        }
        String s = cell.text().strip();
        if (s.startsWith("'")) {
            s = s.substring(1);
        }
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '.' && c != '\u00A0' && c != '\t') {
                sb.append(c);
            }
        }
        String d = sb.toString();
        if (d.length() == 16 && isDigits(d)) {
            return d;
        }
        if (SCIENTIFIC.matcher(s.replace(" ", "")).matches()) {
            throw new CellProblem(ErrorCode.NIK_NOT_TEXT, "The NIK is in scientific notation, so digits are lost;"
                    + " format the column as Text and enter the 16-digit NIK again.");
        }
        int digits = 0;
        for (int i = 0; i < d.length(); i++) {
            if (Character.isDigit(d.charAt(i))) {
                digits++;
            }
        }
        throw new CellProblem(ErrorCode.NIK_INVALID, digits == d.length()
                ? "A NIK has 16 digits; this one has " + digits + "."
                : "A NIK has 16 digits and nothing else; this one holds other characters.");
    }

    /** {@code P} and ten digits. */
    private static boolean isPuskesmasCode(String s) {
        return s.length() == 11 && s.charAt(0) == 'P' && isDigits(s.substring(1));
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** A NIK as a report may show it: the first four characters, the rest masked. */
    public static String maskNik(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        int shown = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isLetterOrDigit(c) && shown++ >= 4) {
                sb.append('*');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private DateTimeValue dateTime(Cell cell) {
        String s = cell.text().strip();
        if (cell.kind() != Cell.Kind.NUMBER) {
            LocalDate quick = plainDate(s);
            if (quick != null) {
                return new DateTimeValue(quick, null);
            }
        }
        if (cell.kind() == Cell.Kind.NUMBER || SERIAL.matcher(s).matches()) {
            return serial(s);
        }
        Matcher m;
        int y;
        int mo;
        int d;
        int end;
        if ((m = ISO.matcher(s)).lookingAt()) {
            y = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(2));
            d = Integer.parseInt(m.group(3));
        } else if ((m = DMY.matcher(s)).lookingAt()) {
            d = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(2));
            y = Integer.parseInt(m.group(3));
        } else if ((m = NAMED.matcher(s)).lookingAt()) {
            d = Integer.parseInt(m.group(1));
            mo = month(m.group(2));
            y = Integer.parseInt(m.group(3));
            if (mo == 0) {
                throw new CellProblem(ErrorCode.INVALID_DATE, "'" + m.group(2) + "' is not a month name.");
            }
        } else {
            throw new CellProblem(ErrorCode.INVALID_DATE,
                    "Not a date; write dd/mm/yyyy, yyyy-mm-dd or '5 Agustus 2025'.");
        }
        end = m.end();
        LocalDate date = checked(y, mo, d, s);
        LocalTime time = null;
        String rest = s.substring(end).strip();
        if (rest.startsWith("T")) {
            rest = rest.substring(1);
        }
        if (rest.startsWith(",")) {
            rest = rest.substring(1).strip();
        }
        if (!rest.isEmpty()) {
            time = timeText(rest);
        }
        return new DateTimeValue(date, time);
    }

    /**
     * The two shapes nearly every file writes, read without a pattern: the whole text is {@code d/m/yyyy}
     * (separators / - .) or {@code yyyy-mm-dd} (- or /), as ISO and DMY above would read it; {@code null}
     * for anything else (the patterns decide), checked as {@link #checked} checks.
     */
    private LocalDate plainDate(String s) {
        int n = s.length();
        if (n < 8 || n > 10) {
            return null;
        }
        int a = digitsAt(s, 0);
        if (a == 4) {
            // yyyy-mm-dd
            char sep1 = s.charAt(4);
            if (sep1 != '-' && sep1 != '/') {
                return null;
            }
            int b = digitsAt(s, 5);
            if (b < 1 || b > 2 || 5 + b >= n) {
                return null;
            }
            char sep2 = s.charAt(5 + b);
            int c = digitsAt(s, 6 + b);
            if (sep2 != '-' && sep2 != '/' || c < 1 || c > 2 || 6 + b + c != n) {
                return null;
            }
            return checked(digitsValue(s, 0, 4), digitsValue(s, 5, 5 + b), digitsValue(s, 6 + b, n), s);
        }
        if (a < 1 || a > 2 || a >= n) {
            return null;
        }
        char sep1 = s.charAt(a);
        if (sep1 != '/' && sep1 != '-' && sep1 != '.') {
            return null;
        }
        int b = digitsAt(s, a + 1);
        if (b < 1 || b > 2 || a + 1 + b >= n) {
            return null;
        }
        char sep2 = s.charAt(a + 1 + b);
        int yStart = a + 2 + b;
        if (sep2 != '/' && sep2 != '-' && sep2 != '.' || digitsAt(s, yStart) != 4 || yStart + 4 != n) {
            return null;
        }
        return checked(digitsValue(s, yStart, n), digitsValue(s, a + 1, a + 1 + b), digitsValue(s, 0, a), s);
    }

    /** How many ASCII digits start at {@code from}. */
    private static int digitsAt(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    private static int digitsValue(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private LocalDate checked(int y, int mo, int d, String raw) {
        LocalDate date;
        try {
            date = LocalDate.of(y, mo, d);
        } catch (DateTimeException e) {
            throw new CellProblem(ErrorCode.INVALID_DATE, "The date " + raw + " does not exist.");
        }
        return bounded(date);
    }

    private LocalDate bounded(LocalDate date) {
        if (date.getYear() < 1900) {
            throw new CellProblem(ErrorCode.DATE_BEFORE_1900, "The date " + date + " lies before 1900.");
        }
        if (date.isAfter(today)) {
            throw new CellProblem(ErrorCode.DATE_IN_FUTURE,
                    "The date " + date + " lies after the day of import (" + today + ").");
        }
        return date;
    }

    // Excel serials: 1900 system counts 1 = 1900-01-01 and has the phantom 1900-02-29 (serial 60).
    private DateTimeValue serial(String s) {
        BigDecimal v;
        try {
            v = new BigDecimal(s.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new CellProblem(ErrorCode.INVALID_DATE, "Not a date.");
        }
        if (v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(2_958_466)) >= 0) {
            throw new CellProblem(ErrorCode.INVALID_DATE, "The number " + s + " is not a date.");
        }
        long days = v.longValue();
        LocalDate date;
        if (date1904) {
            date = EXCEL_1904.plusDays(days);
        } else if (days == 60) {
            throw new CellProblem(ErrorCode.INVALID_DATE, "29 February 1900 does not exist.");
        } else if (days < 60) {
            date = EXCEL_1900.plusDays(days + 1);
        } else {
            date = EXCEL_1900.plusDays(days);
        }
        BigDecimal fraction = v.subtract(BigDecimal.valueOf(days));
        LocalTime time = null;
        if (fraction.signum() > 0) {
            long minutes = fraction.multiply(BigDecimal.valueOf(1440)).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValue();
            time = minutes >= 1440 ? LocalTime.of(23, 59) : LocalTime.of((int) (minutes / 60), (int) (minutes % 60));
        }
        return new DateTimeValue(bounded(date), time);
    }

    private static LocalTime time(Cell cell) {
        String s = cell.text().strip();
        if (cell.kind() == Cell.Kind.NUMBER) {
            BigDecimal v;
            try {
                v = new BigDecimal(s);
            } catch (NumberFormatException e) {
                throw new CellProblem(ErrorCode.INVALID_TIME, "Not a time of day; write HH:mm.");
            }
            BigDecimal fraction = v.subtract(BigDecimal.valueOf(v.longValue()));
            long minutes = fraction.multiply(BigDecimal.valueOf(1440)).setScale(0, java.math.RoundingMode.HALF_UP)
                    .longValue();
            return minutes >= 1440 ? LocalTime.of(23, 59) : LocalTime.of((int) (minutes / 60), (int) (minutes % 60));
        }
        return timeText(s);
    }

    private static LocalTime timeText(String s) {
        String t = s.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.endsWith("wib") || lower.endsWith("wita") || lower.endsWith("wit")) {
            t = t.substring(0, lower.lastIndexOf('w')).strip();
        }
        Matcher m = TIME.matcher(t);
        if (!m.matches()) {
            throw new CellProblem(ErrorCode.INVALID_TIME, "'" + s + "' is not a time of day; write HH:mm.");
        }
        int h = Integer.parseInt(m.group(1));
        int mi = Integer.parseInt(m.group(2));
        int se = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (h > 23 || mi > 59 || se > 59) {
            throw new CellProblem(ErrorCode.INVALID_TIME, "The time " + s + " does not exist.");
        }
        return LocalTime.of(h, mi, se);
    }

    // formats.md "Numbers": . or , as the decimal mark, no thousands separators.
    static BigDecimal number(String text) {
        String s = text.replace(" ", "");
        if (s.indexOf('.') >= 0 && s.indexOf(',') >= 0) {
            throw new CellProblem(ErrorCode.INVALID_NUMBER,
                    "'" + text + "' mixes . and , : use one decimal mark and no thousands separators.");
        }
        String t = s.replace(',', '.');
        BigDecimal v;
        if (DECIMAL.matcher(t).matches()) {
            v = new BigDecimal(t.endsWith(".") ? t.substring(0, t.length() - 1) : t);
        } else if (SCIENTIFIC.matcher(t).matches()) {
            v = new BigDecimal(t);
        } else {
            throw new CellProblem(ErrorCode.INVALID_NUMBER, "'" + text + "' is not a number.");
        }
        if (v.signum() < 0) {
            throw new CellProblem(ErrorCode.NEGATIVE_NUMBER, "A count or measurement cannot be negative (" + text
                    + ").");
        }
        return v;
    }

    private static BigDecimal whole(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() > 0) {
            throw new CellProblem(ErrorCode.INVALID_NUMBER, v.toPlainString() + " is not a whole number.");
        }
        if (s.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new CellProblem(ErrorCode.OUT_OF_RANGE, "The number is too large.");
        }
        return s;
    }

    private static BigDecimal range(ColumnSpec c, BigDecimal v) {
        if (c.min() != null && v.compareTo(c.min()) < 0 || c.max() != null && v.compareTo(c.max()) > 0) {
            throw new CellProblem(ErrorCode.OUT_OF_RANGE, v.toPlainString() + " is outside "
                    + (c.min() == null ? "0" : c.min().toPlainString()) + "–"
                    + (c.max() == null ? "∞" : c.max().toPlainString()) + ".");
        }
        return v;
    }

    private static boolean yesNo(Cell cell) {
        if (cell.kind() == Cell.Kind.TEXT) {
            // The same answer as below: each typed spelling normalises to its word in YES or NO.
            Boolean typed = YES_NO_TYPED.get(cell.text());
            if (typed != null) {
                return typed;
            }
        }
        String n = Names.normalise(cell.text());
        if (cell.kind() == Cell.Kind.BOOLEAN || cell.kind() == Cell.Kind.NUMBER) {
            n = plainNumber(cell.text().strip());
        }
        if (YES.contains(n)) {
            return true;
        }
        if (NO.contains(n)) {
            return false;
        }
        throw new CellProblem(ErrorCode.INVALID_YESNO,
                "'" + cell.text().strip() + "' is not yes/no; write Ya/Tidak (or Y/T, 1/0, Sudah/Belum).");
    }

    static Sex sex(String text) {
        switch (Names.normalise(text)) {
            case "l":
            case "lakilaki":
            case "laki":
            case "m":
            case "pria":
                return Sex.MALE;
            case "p":
            case "perempuan":
            case "f":
            case "wanita":
                return Sex.FEMALE;
            default:
                throw new CellProblem(ErrorCode.INVALID_SEX, "'" + text + "' is not a sex; write L or P.");
        }
    }

    private Map<String, String> vocabulary(ColumnSpec c) {
        return vocabularies.computeIfAbsent(c, k -> {
            Map<String, String> m = new HashMap<>();
            k.vocabulary().forEach((spelling, value) -> m.put(Names.normalise(spelling), value));
            return m;
        });
    }

    private String vocabulary(ColumnSpec c, String text) {
        Map<String, String> typed = spellings.computeIfAbsent(c, k -> new HashMap<>());
        String known = typed.get(text);
        if (known != null) {
            return known;
        }
        String v = vocabulary(c).get(Names.normalise(text));
        if (v != null && typed.size() < SPELLINGS) {
            typed.put(text, v);
        }
        if (v == null) {
            List<String> accepted = new ArrayList<>(c.vocabulary().keySet());
            String list = accepted.size() > 15 ? String.join(", ", accepted.subList(0, 15)) + " …"
                    : String.join(", ", accepted);
            throw new CellProblem(ErrorCode.INVALID_VALUE, "'" + text + "' is not one of: " + list + ".");
        }
        return v;
    }

    String puskesmas(String text) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (!isPuskesmasCode(s)) {
            throw new CellProblem(ErrorCode.INVALID_CODE,
                    "'" + text + "' is not a Puskesmas code (P followed by 10 digits, e.g. P3273110201).");
        }
        if (!puskesmas.isRegistered(s)) {
            throw new CellProblem(ErrorCode.UNKNOWN_PUSKESMAS, "Puskesmas " + s
                    + " is not registered; register it first (layout puskesmas). The import never invents one.");
        }
        return s;
    }

    String region(String text, String level) {
        String d = Regions.normalise(text);
        if (d == null) {
            throw new CellProblem(ErrorCode.INVALID_CODE,
                    "'" + text + "' is not a Kemendagri region code (e.g. 3273111001 or 32.73.11.1001).");
        }
        int want = switch (level) {
            case "province" -> 2;
            case "kabkota" -> 4;
            case "kecamatan" -> 6;
            case "desa" -> 10;
            default -> 0;
        };
        int digits = Regions.digits(d);
        if (want != 0 && digits != want) {
            throw new CellProblem(ErrorCode.INVALID_CODE,
                    "'" + text + "' has " + digits + " digits; a " + level + " code has " + want + ".");
        }
        if (regions != null && !regions.contains(d)) {
            throw new CellProblem(ErrorCode.UNKNOWN_REGION, "Region code " + d + " is not in the Kemendagri list.");
        }
        return d;
    }

    private String area(String text) {
        String s = text.strip();
        if (s.startsWith("P") || s.startsWith("p")) {
            return puskesmas(s);
        }
        return region(s, "any");
    }

    private static SpmService service(String text) {
        try {
            return SpmService.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CellProblem(ErrorCode.INVALID_CODE,
                    "'" + text + "' is not an SPM service code (1.02.02.2.02.0001 … 1.02.02.2.02.0012).");
        }
    }

    private String icd10(ColumnSpec c, String text) {
        String named = vocabulary(c).get(Names.normalise(text));
        if (named != null) {
            return named;
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        Matcher m = ICD.matcher(s);
        if (!m.matches()) {
            throw new CellProblem(ErrorCode.INVALID_VALUE, "'" + text + "' is neither a diagnosis name ("
                    + String.join(", ", c.vocabulary().keySet()) + ") nor an ICD-10 code.");
        }
        if (c.ranges().isEmpty()) {
            return s;
        }
        int n = Integer.parseInt(m.group(2));
        for (String r : c.ranges()) {
            String[] p = r.split("-");
            if (p[0].charAt(0) == s.charAt(0) && n >= Integer.parseInt(p[0].substring(1))
                    && n <= Integer.parseInt(p[1].substring(1))) {
                return s;
            }
        }
        throw new CellProblem(ErrorCode.INVALID_VALUE,
                "ICD-10 " + s + " is outside " + String.join(", ", c.ranges()) + " for this layout.");
    }

    private List<String> regionList(String text, String level) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("[;,\\n]")) {
            if (!part.isBlank()) {
                out.add(region(part, level));
            }
        }
        return out;
    }

    private static String ageGroup(String text) {
        String s = text.replace(" ", "").replace('–', '-').toLowerCase(Locale.ROOT).replace("tahun", "");
        Matcher m = AGE.matcher(s);
        if (!m.matches()) {
            throw new CellProblem(ErrorCode.INVALID_VALUE,
                    "'" + text + "' is not an age group (0, 1-4, 5-9 … 75+, or a single year).");
        }
        if (m.group(2) != null && Integer.parseInt(m.group(2)) < Integer.parseInt(m.group(1))) {
            throw new CellProblem(ErrorCode.INVALID_VALUE, "The age group " + text + " ends before it starts.");
        }
        return s;
    }
}
