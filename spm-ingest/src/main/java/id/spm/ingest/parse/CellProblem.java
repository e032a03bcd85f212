package id.spm.ingest.parse;

import id.spm.ingest.report.ErrorCode;

/** A cell that cannot be accepted. Thrown per bad cell, so it carries no stack trace. */
public final class CellProblem extends RuntimeException {

    private final ErrorCode code;

    public CellProblem(ErrorCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }
}
