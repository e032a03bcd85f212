package id.spm.api.imports;

import io.restassured.path.json.JsonPath;

/** {@link ImportApi} for tests in other packages. */
public final class ImportApiAccess {

    private ImportApiAccess() {
    }

    /** Uploads a file and waits for its job's end. */
    public static JsonPath runImport(String token, byte[] file, String name) {
        return ImportApi.run(token, file, name);
    }
}
