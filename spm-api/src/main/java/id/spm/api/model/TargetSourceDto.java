package id.spm.api.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a sasaran figure comes from (digest §5), as the API publishes and stores it ({@code target.source});
 * the rules' own is {@link id.spm.rules.target.TargetSource}. The schema keeps its published name.
 */
@Schema(name = "TargetSource")
public enum TargetSourceDto {
    BPS_PROJECTION,
    REAL_DATA,
    PREVALENCE,
    TB_FORMULA,
    DECREE
}
