package id.spm.api.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import id.spm.api.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 7, finding 5: after imports with malformed rows that put NIKs in every kind of column, no raw
 * NIK is in the data folder (database files and WAL included, read as bytes), in any table (read
 * through SQL, so compressed values count too), in the log, or in any API response.
 */
@QuarkusTest
class NoRawNikAnywhereTest {

    /** Kabupaten Pinrang: a district of its own. */
    static final String PKM = "P7315010101";
    static final List<String> NIKS = List.of("7315014506900101", "7315014506900102", "7315014506900103",
            "7315014506900104", "7315014506900105", "7315014506900106", "7315014506900107");

    @Inject
    TestTokens tokens;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "spm.data-dir")
    String dataDir;

    final List<String> responses = new ArrayList<>();
    final StringBuilder log = new StringBuilder();

    @Test
    void noRawNikInTheDataFolderTheTablesTheLogOrAnyResponse() throws Exception {
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (log) {
                    log.append(r.getLevel()).append(' ').append(r.getMessage()).append(' ')
                            .append(r.getParameters() == null ? "" : List.of(r.getParameters())).append('\n');
                    for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                        log.append(t).append('\n');
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            run();
        } finally {
            root.removeHandler(capture);
        }
        List<String> found = new ArrayList<>();
        for (String nik : NIKS) {
            for (int i = 0; i < responses.size(); i++) {
                if (responses.get(i).contains(nik)) {
                    found.add(nik + " in response " + i + ": " + responses.get(i));
                }
            }
            if (log.indexOf(nik) >= 0) {
                found.add(nik + " in the log");
            }
        }
        found.addAll(inTables());
        found.addAll(inFiles(Path.of(dataDir)));
        assertThat(found).isEmpty();
        // The run did exercise the paths: rows were rejected and rows were stored.
        assertThat(String.join("\n", responses)).contains("NIK_INVALID").contains("\"created\":");
    }

    private void run() throws Exception {
        String admin = tokens.admin();
        respond(given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("code", PKM, "name", "Puskesmas Suppa", "kecamatanCode", "73.15.01", "population", 10000L,
                        "desaCodes", List.of()))
                .put("/api/v1/puskesmas/" + PKM));
        String importer = tokens.token("importer-7315", List.of("73.15"), "importer");
        String header = "NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kode Puskesmas,Kelompok Risiko,Tanggal Tercatat,"
                + "Tanggal Tes,Jenis Tes,Hasil";
        String csv = String.join("\r\n", header,
                // Accepted: the NIK becomes a key and is forgotten.
                NIKS.get(0) + ",Ibu Satu,12/05/1990,P," + PKM + ",Ibu Hamil,10/03/2024,10/03/2024,R1,NON_REACTIVE",
                // An unquoted comma in the name shifts the next NIK-like value into Kode Puskesmas.
                NIKS.get(1) + ",Ibu, Dua,12/05/1990,P," + NIKS.get(2) + ",Ibu Hamil,10/03/2024,,,",
                // A NIK in the name column, in a date column, with separators, and a NIK one digit short.
                NIKS.get(3) + "," + NIKS.get(4) + ",12/05/1990,P," + PKM + ",Ibu Hamil,10/03/2024,,,",
                "7315014506900199,Ibu Tiga," + NIKS.get(5) + ",P," + PKM + ",Ibu Hamil,10/03/2024,,,",
                "7315014506900198,Ibu Empat,12/05/1990,P," + PKM + ",Ibu Hamil,"
                        + NIKS.get(6).replaceAll("(\\d{4})(?=\\d)", "$1 ") + ",,,",
                NIKS.get(0).substring(1) + ",Ibu Lima,12/05/1990,P," + PKM + ",Ibu Hamil,10/03/2024,,,") + "\r\n";
        for (String layout : new String[] { null, "hiv-tes" }) {
            var req = given().auth().oauth2(importer).multiPart("file", "hiv-nik.csv", csv.getBytes(StandardCharsets.UTF_8),
                    "text/csv");
            if (layout != null) {
                req = req.multiPart("layout", layout).multiPart("dryRun", "true");
            }
            Response submitted = req.post("/api/v1/imports");
            respond(submitted);
            long id = submitted.jsonPath().getLong("id");
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            String phase;
            do {
                Thread.sleep(50);
                Response job = given().auth().oauth2(importer).get("/api/v1/imports/" + id);
                respond(job);
                phase = job.jsonPath().getString("phase");
            } while (!List.of("DONE", "FAILED", "REFUSED").contains(phase) && System.nanoTime() < deadline);
        }
        respond(given().auth().oauth2(importer).get("/api/v1/imports"));
        respond(given().auth().oauth2(admin).get("/api/v1/imports"));
        String analyst = tokens.token("analyst-7315", List.of("73.15"), "analyst");
        for (String nik : NIKS) {
            respond(given().auth().oauth2(analyst).contentType(ContentType.JSON).body("{\"nik\":\"" + nik + "\"}")
                    .post("/api/v1/persons/lookup"));
        }
        respond(given().auth().oauth2(analyst).queryParam("area", "73.15").queryParam("year", 2024)
                .get("/api/v1/achievements"));
        respond(given().auth().oauth2(analyst).get("/api/v1/achievements/73.15/2024/services/1.02.02.2.02.0012/persons"));
        respond(given().auth().oauth2(admin).get("/api/v1/audit/person-access"));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // Everything written so far reaches the data files and the WAL segments.
            st.execute("checkpoint");
            st.execute("select pg_switch_wal()");
        }
    }

    private void respond(Response r) {
        responses.add(r.getStatusCode() + " " + r.getHeaders() + " " + r.asString());
    }

    /** Every table of the schema through COPY: values as PostgreSQL returns them, decompressed. */
    private List<String> inTables() throws SQLException, IOException {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "select tablename from pg_tables where schemaname = 'public' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                StringWriter out = new StringWriter();
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select * from \"" + t + "\") to stdout", out);
                for (String nik : NIKS) {
                    if (out.toString().contains(nik)) {
                        found.add(nik + " in table " + t);
                    }
                }
            }
        }
        return found;
    }

    /** Every file of the data folder as bytes (database files, WAL, keys, spool). */
    private static List<String> inFiles(Path dir) throws IOException {
        List<String> found = new ArrayList<>();
        List<byte[]> needles = NIKS.stream().map(n -> n.getBytes(StandardCharsets.US_ASCII)).toList();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(f);
                } catch (IOException e) {
                    continue; // removed while walking (a temporary file of the server)
                }
                for (int i = 0; i < needles.size(); i++) {
                    if (indexOf(bytes, needles.get(i)) >= 0) {
                        found.add(NIKS.get(i) + " in file " + f);
                    }
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
