/** SPM Kesehatan rules: dependency-free. The internal packages are not exported. */
module id.spm.rules {
    exports id.spm.rules;
    exports id.spm.rules.model;
    exports id.spm.rules.sample;
}
