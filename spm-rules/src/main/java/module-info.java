/** SPM Kesehatan rules: dependency-free. The internal packages are not exported. */
module id.spm.rules {
    exports id.spm.rules;
    exports id.spm.rules.model;
    exports id.spm.rules.area;
    exports id.spm.rules.count;
    exports id.spm.rules.target;
    exports id.spm.rules.quality;
    exports id.spm.rules.index;
    exports id.spm.rules.compare;
}
