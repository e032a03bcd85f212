package id.spm.api.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import id.spm.api.model.DecisionDto.ReasonDto;
import id.spm.api.model.PersonChange;

/**
 * The decisions of one person under two computations, matched by service, subject (the case) and the order
 * of equal subjects, and the matched pairs whose status differs (or that exist on one side only). Collects
 * at most {@code limit} changes and counts them all.
 */
final class PersonDiff {

    /** One decision, reduced to what a diff shows. */
    record Side(String serviceCode, String service, String subject, String puskesmas, String status,
            List<ReasonDto> reasons) {
    }

    private final int limit;
    private final Predicate<String> inArea;
    private final List<PersonChange> changes = new ArrayList<>();
    private long total;

    /** @param inArea whether a decision's Puskesmas (possibly null) lies in the area asked for */
    PersonDiff(int limit, Predicate<String> inArea) {
        this.limit = limit;
        this.inArea = inArea;
    }

    static Side side(id.spm.rules.Decision d) {
        return new Side(d.service().code(), d.service().name(), d.subject() == null ? "" : d.subject(), d.puskesmas(),
                d.status().name(),
                d.reasons().stream().map(r -> new ReasonDto(r.code(), r.message(), r.clause())).toList());
    }

    /** Compares one person's decisions before and after. */
    void person(String personKey, List<Side> before, List<Side> after) {
        Map<String, Side> a = keyed(before);
        Map<String, Side> b = keyed(after);
        Map<String, Side> union = new LinkedHashMap<>(a);
        b.forEach(union::putIfAbsent);
        for (Map.Entry<String, Side> e : union.entrySet()) {
            Side x = a.get(e.getKey());
            Side y = b.get(e.getKey());
            if (x != null && y != null && Objects.equals(x.status(), y.status())) {
                continue;
            }
            Side any = x != null ? x : y;
            String pkm = y != null ? y.puskesmas() : x.puskesmas();
            if (!inArea.test(pkm)) {
                continue;
            }
            total++;
            if (changes.size() < limit) {
                changes.add(new PersonChange(personKey, any.serviceCode(), any.service(), any.subject(), pkm,
                        x == null ? null : new PersonChange.Side(x.status(), x.reasons()),
                        y == null ? null : new PersonChange.Side(y.status(), y.reasons())));
            }
        }
    }

    private static Map<String, Side> keyed(List<Side> sides) {
        Map<String, Side> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Side s : sides) {
            String k = s.serviceCode() + "|" + s.subject();
            int n = seen.merge(k, 1, Integer::sum);
            out.put(k + "|" + n, s);
        }
        return out;
    }

    List<PersonChange> changes() {
        return changes;
    }

    long total() {
        return total;
    }

    boolean truncated() {
        return total > changes.size();
    }
}
