package id.spm.api.area;

import java.util.Set;
import java.util.function.Function;

/**
 * The one rule of what a set of token areas covers, shared by the request scope ({@link CallerScope})
 * and import jobs (which outlive their request): {@code *} covers the country; a region code covers
 * itself, the regions below it and the Puskesmas registered in them; a Puskesmas code covers that
 * Puskesmas only. A Puskesmas is placed by the registry (its registered kecamatan), never by the
 * digits of its code.
 *
 * @param areas normalised area codes of the token
 * @param kecamatanOf the registered kecamatan of a Puskesmas code, or {@code null} when unregistered
 */
public record AreaScope(Set<String> areas, Function<String, String> kecamatanOf) {

    public AreaScope {
        areas = Set.copyOf(areas);
    }

    public boolean national() {
        return areas.contains(AreaCodeParam.NATIONAL);
    }

    /** Whether these areas cover a normalised region or Puskesmas code. */
    public boolean covers(String code) {
        if (national() || areas.contains(code)) {
            return true;
        }
        String region = AreaCodeParam.isPuskesmas(code) ? kecamatanOf.apply(code) : code;
        return region != null && coversRegion(region);
    }

    /** Whether these areas cover a region code through one of their region codes (a Puskesmas area never does). */
    public boolean coversRegion(String region) {
        if (national() || areas.contains(region)) {
            return true;
        }
        for (String a : areas) {
            if (!AreaCodeParam.isPuskesmas(a) && AreaCodeParam.within(region, a)) {
                return true;
            }
        }
        return false;
    }
}
