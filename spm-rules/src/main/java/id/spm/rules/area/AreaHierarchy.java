package id.spm.rules.area;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import id.spm.rules.model.PuskesmasInfo;

/**
 * The hierarchy of areas that hold a registered Puskesmas (digest §9 "Denominators"): province →
 * district (kab/kota) → kecamatan → Puskesmas. A kecamatan or district without a registered Puskesmas
 * is not part of it. Immutable; children are listed in code order.
 */
public final class AreaHierarchy {

    private final Map<String, PuskesmasInfo> puskesmas;
    private final Map<String, String> parent;
    private final Map<String, List<String>> children;
    private final Map<String, List<String>> puskesmasUnder;

    private AreaHierarchy(Map<String, PuskesmasInfo> puskesmas) {
        this.puskesmas = Collections.unmodifiableMap(puskesmas);
        Map<String, String> up = new TreeMap<>();
        Map<String, Set<String>> down = new TreeMap<>();
        for (PuskesmasInfo p : puskesmas.values()) {
            String kec = AreaCodes.normalize(p.kecamatanCode());
            if (AreaCodes.levelOf(kec) != AreaLevel.KECAMATAN) {
                throw new IllegalArgumentException(
                        "Puskesmas " + p.code() + " names '" + p.kecamatanCode() + "', not a kecamatan code");
            }
            String district = kec.substring(0, 5);
            String province = kec.substring(0, 2);
            up.put(p.code(), kec);
            up.put(kec, district);
            up.put(district, province);
            down.computeIfAbsent(kec, k -> new TreeSet<>()).add(p.code());
            down.computeIfAbsent(district, k -> new TreeSet<>()).add(kec);
            down.computeIfAbsent(province, k -> new TreeSet<>()).add(district);
        }
        this.parent = Collections.unmodifiableMap(up);
        Map<String, List<String>> kids = new TreeMap<>();
        down.forEach((k, v) -> kids.put(k, List.copyOf(v)));
        this.children = Collections.unmodifiableMap(kids);
        Map<String, List<String>> under = new TreeMap<>();
        for (String area : kids.keySet()) {
            List<String> acc = new ArrayList<>();
            collectPuskesmas(area, acc);
            Collections.sort(acc);
            under.put(area, List.copyOf(acc));
        }
        for (String p : puskesmas.keySet()) {
            under.put(p, List.of(p));
        }
        this.puskesmasUnder = Collections.unmodifiableMap(under);
    }

    /** The hierarchy of the given registered Puskesmas; a code registered twice is an error. */
    public static AreaHierarchy of(Collection<PuskesmasInfo> registered) {
        Map<String, PuskesmasInfo> byCode = new TreeMap<>();
        for (PuskesmasInfo p : registered) {
            if (byCode.put(p.code(), p) != null) {
                throw new IllegalArgumentException("Puskesmas " + p.code() + " is registered twice");
            }
        }
        return new AreaHierarchy(byCode);
    }

    private void collectPuskesmas(String area, List<String> acc) {
        for (String c : children.getOrDefault(area, List.of())) {
            if (AreaCodes.isPuskesmas(c)) {
                acc.add(c);
            } else {
                collectPuskesmas(c, acc);
            }
        }
    }

    /** Whether the (normalized) code is an area of this hierarchy. */
    public boolean contains(String code) {
        return parent.containsKey(code) || children.containsKey(code);
    }

    /** The level of an area of this hierarchy. */
    public AreaLevel level(String code) {
        requireArea(code);
        return AreaCodes.levelOf(code);
    }

    /** The parent area, {@code null} for a province. */
    public String parent(String code) {
        requireArea(code);
        return parent.get(code);
    }

    /** Ancestors from the parent up to the province. */
    public List<String> ancestors(String code) {
        requireArea(code);
        List<String> out = new ArrayList<>(3);
        for (String a = parent.get(code); a != null; a = parent.get(a)) {
            out.add(a);
        }
        return out;
    }

    /** Children in code order; empty for a Puskesmas. */
    public List<String> children(String code) {
        requireArea(code);
        return children.getOrDefault(code, List.of());
    }

    /** The registered Puskesmas in the area (the Puskesmas itself for a Puskesmas), in code order. */
    public List<String> puskesmasUnder(String code) {
        requireArea(code);
        return puskesmasUnder.get(code);
    }

    /** Whether {@code code} is {@code area} or lies under it. */
    public boolean isWithin(String code, String area) {
        for (String a = code; a != null; a = parent.get(a)) {
            if (a.equals(area)) {
                return true;
            }
        }
        return false;
    }

    /** The registration of a Puskesmas, {@code null} when not registered. */
    public PuskesmasInfo puskesmas(String code) {
        return puskesmas.get(code);
    }

    /** All registered Puskesmas, in code order. */
    public Collection<PuskesmasInfo> allPuskesmas() {
        return puskesmas.values();
    }

    /** Provinces, in code order. */
    public List<String> provinces() {
        List<String> out = new ArrayList<>();
        for (String k : children.keySet()) {
            if (k.length() == 2) {
                out.add(k);
            }
        }
        return out;
    }

    /** Every area, top down (each area before its children), in code order within a level. */
    public List<String> topDown() {
        List<String> out = new ArrayList<>();
        for (String p : provinces()) {
            walk(p, out);
        }
        return out;
    }

    /** Every area, bottom up (each area after its children). */
    public List<String> bottomUp() {
        List<String> out = topDown();
        Collections.reverse(out);
        return out;
    }

    private void walk(String area, List<String> out) {
        out.add(area);
        for (String c : children.getOrDefault(area, List.of())) {
            walk(c, out);
        }
    }

    private void requireArea(String code) {
        Objects.requireNonNull(code, "code");
        if (!contains(code)) {
            throw new IllegalArgumentException("area " + code + " holds no registered Puskesmas");
        }
    }
}
