package id.spm.api.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * For the integration tests (failsafe, after {@code package}): one PostgreSQL started by the test itself
 * (so killing a service never leaves a stray postmaster), and the packaged service
 * ({@code target/quarkus-app/quarkus-run.jar}) started as separate JVMs against it, each with its own
 * port and data folder, sharing one JWT key pair (tokens are minted here) and one person key.
 */
final class ServiceHarness implements AutoCloseable {

    static final String ISSUER = "https://spm-kesehatan.test/it";
    static final String AUDIENCE = "spm-api";
    /** The HIV service of pregnant women (1.02.02.2.02.0012): one per tested woman of the files below. */
    static final String HIV = "1.02.02.2.02.0012";

    final Path dir;
    final EmbeddedPostgres db;
    private final KeyPair keys;
    private final Path publicKey;
    private final String personKey;
    private final List<Service> services = new ArrayList<>();

    ServiceHarness(Path dir) throws IOException, GeneralSecurityException {
        this(dir, Map.of("fsync", "off", "synchronous_commit", "off"));
    }

    /** With these PostgreSQL settings (besides {@code max_connections}); the benchmark's are the embedded default's. */
    ServiceHarness(Path dir, Map<String, String> serverConfig) throws IOException, GeneralSecurityException {
        this.dir = dir;
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres"))
                .setCleanDataDirectory(true).setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "120");
        serverConfig.forEach(b::setServerConfig);
        this.db = b.start();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        this.keys = gen.generateKeyPair();
        this.publicKey = dir.resolve("jwt-public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(
                        keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        this.personKey = java.util.HexFormat.of().formatHex(secret);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + db.getPort() + "/postgres";
    }

    Connection connection() throws SQLException {
        return db.getPostgresDatabase().getConnection();
    }

    /** One JVM of the packaged service; restartable on the same port and data folder. */
    final class Service {
        final String name;
        final int port;
        final Path data;
        final Map<String, String> settings;
        /** The embedded default's own PostgreSQL in {@code data/postgres} instead of the harness' database. */
        boolean embedded;
        /** The JVM's options: a quick start by default; the benchmark sets its own. */
        List<String> jvm = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        Process process;
        int starts;

        Service(String name, Map<String, String> settings) throws IOException {
            this.name = name;
            this.port = freePort();
            this.data = dir.resolve(name);
            this.settings = settings;
            Files.createDirectories(data);
        }

        String base() {
            return "http://localhost:" + port;
        }

        Service start() throws IOException {
            Path jar = Path.of(System.getProperty("spm.it.jar", "target/quarkus-app/quarkus-run.jar"));
            assertThat(jar).as("the packaged service (run the package phase first)").exists();
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvm);
            Map<String, String> props = new LinkedHashMap<>();
            props.put("quarkus.http.port", String.valueOf(port));
            if (!embedded) {
                props.put("quarkus.datasource.jdbc.url", jdbcUrl());
                props.put("quarkus.datasource.username", "postgres");
                props.put("quarkus.datasource.password", "postgres");
            }
            props.put("spm.data-dir", data.toString());
            props.put("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
            props.put("mp.jwt.verify.audiences", AUDIENCE);
            props.put("spm.jwt.issuer", ISSUER);
            props.put("spm.jwt.dev-tokens", "false");
            props.put("spm.jwt.log-admin-token", "false");
            props.put("spm.import.person-key", personKey);
            props.put("quarkus.log.category.\"id.spm\".level", "INFO");
            props.putAll(settings);
            props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.add("-jar");
            cmd.add(jar.toAbsolutePath().toString());
            starts++;
            Path log = dir.resolve(name + "-" + starts + ".log");
            process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return this;
        }

        /** Waits until readiness answers 200 (database reachable, started). */
        Service awaitReady(Duration limit) throws IOException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("%s exited; see %s", name, dir.resolve(name + "-" + starts + ".log"))
                        .isTrue();
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return this;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleep(100);
            }
            throw new AssertionError(name + " not ready after " + limit + "; see " + dir.resolve(name + "-" + starts
                    + ".log"));
        }

        /** SIGKILL: no shutdown hook, no graceful end of anything. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }

        Response upload(String token, byte[] file, String fileName) {
            return given().baseUri(base()).auth().oauth2(token).multiPart("file", fileName, file, "text/csv")
                    .post("/api/v1/imports");
        }

        JsonPath job(String token, long id) {
            return given().baseUri(base()).auth().oauth2(token).get("/api/v1/imports/" + id).then().statusCode(200)
                    .extract().jsonPath();
        }

        JsonPath awaitJob(String token, long id, Duration limit) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                JsonPath job = job(token, id);
                if (List.of("DONE", "FAILED", "REFUSED").contains(job.getString("phase"))) {
                    return job;
                }
                assertThat(System.nanoTime()).as("%s: job %d still %s", name, id, job.getString("phase"))
                        .isLessThan(deadline);
                sleep(100);
            }
        }

        void register(String admin, String code, String name, String kecamatan) {
            given().baseUri(base()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("code", code, "name", name, "kecamatanCode", kecamatan, "population", 10000L,
                            "desaCodes", List.of()))
                    .put("/api/v1/puskesmas/" + code).then().statusCode(200);
        }

        /** The numerators of a district's year by service code (through GET /achievements). */
        Map<String, Long> numerators(String token, String area, int year) {
            Response r = given().baseUri(base()).auth().oauth2(token).get("/api/v1/achievements?area=" + area + "&year="
                    + year);
            assertThat(r.statusCode()).as("%s GET /achievements %s %d: %s", name, area, year, r.asString()).isEqualTo(200);
            Map<String, Long> out = new TreeMap<>();
            List<Map<String, Object>> services = r.jsonPath().getList("services");
            for (Map<String, Object> s : services) {
                out.put((String) s.get("serviceCode"), ((Number) s.get("numerator")).longValue());
            }
            return out;
        }
    }

    /** A service on the embedded default: its own PostgreSQL in {@code <name>/postgres}, started by the service. */
    Service embeddedService(String name, Map<String, String> settings) throws IOException {
        Service s = service(name, settings);
        s.embedded = true;
        return s;
    }

    Service service(String name, Map<String, String> settings) throws IOException {
        Service s = new Service(name, settings);
        services.add(s);
        return s;
    }

    /** An RS256 token as the service's verifier expects it: issuer, audience, groups, areas. */
    String token(String subject, List<String> areas, String... roles) {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject + "\",\"upn\":\""
                + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID()
                + "\",\"groups\":" + array(List.of(roles)) + ",\"areas\":" + array(areas) + "}";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(keys.getPrivate());
            sig.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + b64.encodeToString(sig.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    /** A hiv-tes file of {@code n} pregnant women tested on days of {@code month} (new NIKs from {@code first}). */
    static byte[] file(long first, int n, String puskesmas, int year, int month) {
        String[] rows = new String[n];
        for (int i = 0; i < n; i++) {
            String date = String.format("%02d/%02d/%d", 1 + i % 28, month, year);
            rows[i] = ImportApi.row(String.valueOf(first + i), puskesmas, date, true);
        }
        return ImportApi.csv(rows);
    }

    long count(String sql) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (Service s : services) {
            try {
                s.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            db.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
