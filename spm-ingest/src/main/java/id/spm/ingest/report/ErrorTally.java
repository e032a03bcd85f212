package id.spm.ingest.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every error of a file counted by code, with the first {@code maxPerCode} of each kept as examples. */
public final class ErrorTally {

    private final int maxPerCode;
    private final Map<ErrorCode, List<CellError>> errors = new EnumMap<>(ErrorCode.class);
    private final Map<ErrorCode, Long> counts = new EnumMap<>(ErrorCode.class);
    private long total;

    public ErrorTally(int maxPerCode) {
        this.maxPerCode = maxPerCode;
    }

    public void add(CellError e) {
        total++;
        counts.merge(e.code(), 1L, Long::sum);
        List<CellError> l = errors.computeIfAbsent(e.code(), k -> new ArrayList<>());
        if (l.size() < maxPerCode) {
            l.add(e);
        }
    }

    /** All errors counted, kept or not. */
    public long total() {
        return total;
    }

    /** One group per code, in the codes' order. */
    public List<ErrorGroup> groups() {
        List<ErrorGroup> groups = new ArrayList<>();
        errors.forEach((code, list) -> groups.add(new ErrorGroup(code, code.title(), counts.get(code), list)));
        return groups;
    }
}
