package id.spm.ingest.parse;

import java.util.Set;

/** The Puskesmas the caller knows; the import never invents one (formats.md, "Codes"). */
@FunctionalInterface
public interface PuskesmasRegistry {

    boolean isRegistered(String code);

    /** No registry at hand (offline check): only the code's shape is checked. */
    static PuskesmasRegistry unchecked() {
        return code -> true;
    }

    static PuskesmasRegistry of(Set<String> codes) {
        Set<String> copy = Set.copyOf(codes);
        return copy::contains;
    }
}
