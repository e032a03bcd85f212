package id.spm.rules.target;

/** How an area's sasaran was resolved (digest §9 "Denominators"). */
public enum DenominatorMethod {
    /** The area's own sasaran, the latest imported. */
    OWN,
    /** The sum of its children's, every child having one. */
    SUM_OF_CHILDREN,
    /** A Puskesmas' share of its nearest ancestor's sasaran, by largest remainder. */
    SHARE_OF_ANCESTOR,
    /** Not resolved. */
    NONE
}
