package id.spm.rules.count;

/**
 * The by-name decisions of one Puskesmas (or area) and service: counted, not counted, pending and
 * excluded. Tallies roll up by adding.
 */
public record Tally(long counted, long notCounted, long pending, long excluded) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0);

    public Tally {
        if (counted < 0 || notCounted < 0 || pending < 0 || excluded < 0) {
            throw new IllegalArgumentException("tally counts must not be negative");
        }
    }

    /** By-name recipients judged in the period: counted + not counted (pending and excluded are neither). */
    public long judged() {
        return counted + notCounted;
    }

    public Tally plus(Tally o) {
        return new Tally(counted + o.counted, notCounted + o.notCounted, pending + o.pending, excluded + o.excluded);
    }
}
