package id.spm.api.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Uploads and job polling for the import tests; CSV files of layout hiv-tes built row by row. */
final class ImportApi {

    static final String HEADER = "NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kode Puskesmas,Kelompok Risiko,Tanggal Tercatat,"
            + "Tanggal Tes,Jenis Tes,Hasil";

    private ImportApi() {
    }

    /** One hiv-tes row: a woman recorded as pregnant on {@code recorded}, tested R1 on the same day when {@code tested}. */
    static String row(String nik, String puskesmas, String recorded, boolean tested) {
        return nik + ",Ibu " + nik.substring(12) + ",12/05/1995,P," + puskesmas + ",Ibu Hamil," + recorded + ","
                + (tested ? recorded + ",R1,NON_REACTIVE" : ",,");
    }

    static byte[] csv(String... rows) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.addAll(List.of(rows));
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static Response upload(String token, byte[] file, String name, String key, Object... fields) {
        RequestSpecification r = given().auth().oauth2(token).multiPart("file", name, file, "text/csv");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            r = r.multiPart((String) fields[i], String.valueOf(fields[i + 1]));
        }
        if (key != null) {
            r = r.header("Idempotency-Key", key);
        }
        return r.post("/api/v1/imports");
    }

    /** Polls the job until it has ended (or fails the test after a minute). */
    static JsonPath await(String token, long id) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            JsonPath job = given().auth().oauth2(token).get("/api/v1/imports/" + id).then().statusCode(200).extract()
                    .jsonPath();
            String phase = job.getString("phase");
            if (List.of("DONE", "FAILED", "REFUSED").contains(phase)) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %d still %s", id, phase).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Uploads and waits: the ended job. */
    static JsonPath run(String token, byte[] file, String name, Object... fields) {
        long id = upload(token, file, name, null, fields).then().statusCode(202).extract().jsonPath().getLong("id");
        return await(token, id);
    }
}
