package id.spm.client.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.spm.client.ApiClient;
import id.spm.client.ApiException;
import id.spm.client.ApiResponse;
import id.spm.client.api.AchievementsApi;
import id.spm.client.api.ChangesApi;
import id.spm.client.api.DevelopmentApi;
import id.spm.client.api.ImportsApi;
import id.spm.client.api.RegionsAndPuskesmasApi;
import id.spm.client.api.ServicesApi;
import id.spm.client.api.TargetsSasaranApi;
import id.spm.client.model.AchievementReport;
import id.spm.client.model.Change;
import id.spm.client.model.ChangeFeed;
import id.spm.client.model.ImportJob;
import id.spm.client.model.ImportPhase;
import id.spm.client.model.PersonOutcome;
import id.spm.client.model.PersonPage;
import id.spm.client.model.PuskesmasDto;
import id.spm.client.model.ReasonDto;
import id.spm.client.model.ServiceAchievement;
import id.spm.client.model.TargetDto;
import id.spm.client.model.TargetSource;
import id.spm.client.model.TokenRequest;

/**
 * Issue 15: what an integrator does, through the Java client generated during this build from the document
 * spm-api writes at build, and nothing else. The packaged service runs as its own JVM on the embedded default
 * (its own PostgreSQL in a temporary data folder); the only thing read outside the API is the local admin
 * token the embedded default logs. The document served at {@code /q/openapi} must be the one the client was
 * generated from.
 *
 * <p>
 * The walk: register two Puskesmas, mint a district token, import a file of pregnant women (9 tested for HIV,
 * 3 not), wait for the job, read the district's achievements (numerator 9) and its not-counted persons (the 3,
 * with the reason and the regulation's clause), get 304 on unchanged reads of both, follow the change feed across a
 * second import, another district's import (invisible) and a sasaran change, then read 200 with a new ETag and
 * the new figures (numerator 11 of sasaran 40: 27.5 %), and 403 outside the token's areas.
 */
class GeneratedClientIT {

    static final String DISTRICT = "75.01";
    static final String PKM = "P7501010101";
    static final String OTHER_DISTRICT = "75.02";
    static final String OTHER_PKM = "P7502010101";
    static final int YEAR = 2025;
    /** Pelayanan kesehatan orang dengan risiko terinfeksi HIV (PMK 6/2024 §2.12). */
    static final String HIV = "1.02.02.2.02.0012";
    static final Set<ImportPhase> ENDED = Set.of(ImportPhase.DONE, ImportPhase.FAILED, ImportPhase.REFUSED);

    @TempDir
    Path dir;

    @Test
    void anIntegratorImportsReadsAndFollowsChangesThroughTheGeneratedClientAlone() throws Exception {
        long started = System.nanoTime();
        Path jar = Path.of(System.getProperty("spm.it.jar", "../spm-api/target/quarkus-app/quarkus-run.jar"));
        Path spec = Path.of(System.getProperty("spm.openapi.spec", "../spm-api/target/openapi/openapi.json"));
        assertThat(jar).as("the packaged service (spm-api's package phase)").exists();
        assertThat(spec).as("the document stored at spm-api's build").exists();
        try (Service service = Service.start(jar, dir)) {
            String admin = service.awaitAdminToken(Duration.ofSeconds(120));
            service.awaitReady(Duration.ofSeconds(120));

            // The document served is the one this client was generated from (build-time filter included).
            ObjectMapper json = new ObjectMapper();
            JsonNode generatedFrom = json.readTree(spec.toFile());
            JsonNode served = json.readTree(service.get("/q/openapi?format=json"));
            assertThat(served).as("/q/openapi equals %s", spec).isEqualTo(generatedFrom);

            ApiClient asAdmin = client(service.base(), admin);
            // A public operation needs no token.
            assertThat(new ServicesApi(client(service.base(), null)).getServices().getServices()).hasSize(12);

            RegionsAndPuskesmasApi registry = new RegionsAndPuskesmasApi(asAdmin);
            registry.putPuskesmas(PKM, new PuskesmasDto().code(PKM).name("Puskesmas Limboto").kecamatanCode("75.01.01")
                    .population(30_000L));
            registry.putPuskesmas(OTHER_PKM, new PuskesmasDto().code(OTHER_PKM).name("Puskesmas Paguyaman")
                    .kecamatanCode("75.02.01").population(20_000L));
            assertThat(registry.getPuskesmas(PKM).getKabkotaCode()).isEqualTo(DISTRICT);

            // A token of the district only, minted by the admin (what a district's system would be given).
            String district = new DevelopmentApi(asAdmin).mintToken(new TokenRequest().subject("client-it")
                    .areas(List.of(DISTRICT)).roles(Set.of("viewer", "analyst", "importer"))).getToken();
            ApiClient asDistrict = client(service.base(), district);
            ImportsApi imports = new ImportsApi(asDistrict);
            AchievementsApi achievements = new AchievementsApi(asDistrict);
            ChangesApi changes = new ChangesApi(asDistrict);

            // The whole feed so far: the registration of the district's Puskesmas, not the other district's.
            ChangeFeed start = changes.listChanges(null, 0L);
            assertThat(start.getChanges()).extracting(Change::getKind).containsExactly(Change.KindEnum.REGISTRY_CHANGED);
            assertThat(start.getChanges()).extracting(Change::getDistrict).containsOnly(DISTRICT);

            // Import 1: 12 pregnant women, 9 tested (R1) and 3 not.
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                rows.add(row(7501_0000_0000_0100L + i, PKM, 1 + i % 3, i < 9));
            }
            ImportJob first = awaitJob(imports, imports.submitImport(csv(rows, "first.csv"), null, null, null, null));
            assertThat(first.getPhase()).as("job 1: %s", first.getMessage()).isEqualTo(ImportPhase.DONE);
            assertThat(first.getKabkotaCode()).isEqualTo(DISTRICT);
            assertThat(first.getSummary().getRowsRead()).isEqualTo(12);
            assertThat(first.getSummary().getRowsAccepted()).isEqualTo(12);
            assertThat(first.getSummary().getRowsRejected()).isZero();
            assertThat(first.getSummary().getPersons()).isEqualTo(12);

            ApiResponse<AchievementReport> read = achievements.getAchievementsWithHttpInfo(DISTRICT, YEAR, null, null);
            assertThat(read.getStatusCode()).isEqualTo(200);
            String etag = header(read, "etag");
            assertThat(etag).isNotBlank();
            assertThat(header(read, "cache-control")).contains("private");
            ServiceAchievement hiv = service(read.getData(), HIV);
            assertThat(hiv.getNumerator()).isEqualTo(9);

            ApiResponse<PersonPage> list = achievements.listNotCountedPersonsWithHttpInfo(DISTRICT, HIV, YEAR, null, null,
                    null, null, null);
            String listTag = header(list, "etag");
            assertThat(header(list, "cache-control")).contains("private");
            PersonPage notCounted = list.getData();
            assertThat(notCounted.getTotal()).isEqualTo(3);
            assertThat(notCounted.getPersons()).hasSize(3).allSatisfy(p -> {
                assertThat(p.getPuskesmas()).isEqualTo(PKM);
                assertThat(p.getPerson()).as("a pseudonymous key, never the NIK").doesNotMatch("\\d{16}");
                assertThat(p.getReasons()).extracting(ReasonDto::getCode).contains("HIV_R1_TEST_MISSING");
                assertThat(p.getReasons()).extracting(ReasonDto::getClause).anyMatch(c -> c.contains("§9.12"));
            });
            assertThat(notCounted.getPersons()).extracting(PersonOutcome::getPerson).doesNotHaveDuplicates();

            // Unchanged: 304 with nothing recomputed (the generated client reports it as a non-2xx answer).
            ApiException notModified = catchThrowableOfType(ApiException.class,
                    () -> achievements.getAchievementsWithHttpInfo(DISTRICT, YEAR, null, etag));
            assertThat(notModified.getCode()).isEqualTo(304);

            ApiException listNotModified = catchThrowableOfType(ApiException.class,
                    () -> achievements.listNotCountedPersonsWithHttpInfo(DISTRICT, HIV, YEAR, null, null, null, null,
                            listTag));
            assertThat(listNotModified.getCode()).isEqualTo(304);

            ChangeFeed afterFirst = changes.listChanges(null, start.getNext());
            assertThat(afterFirst.getChanges()).extracting(Change::getKind)
                    .containsExactly(Change.KindEnum.IMPORT_COMMITTED);
            assertThat(afterFirst.getChanges().get(0).getYear()).isEqualTo(YEAR);
            assertThat(afterFirst.getChanges().get(0).getDistrict()).isEqualTo(DISTRICT);
            long cursor = afterFirst.getNext();

            // Import 2 (two more women, tested), another district's import by the admin, a sasaran of 40.
            ImportJob second = awaitJob(imports, imports.submitImport(
                    csv(List.of(row(7501_0000_0000_0200L, PKM, 4, true), row(7501_0000_0000_0201L, PKM, 5, true)),
                            "second.csv"),
                    null, null, null, null));
            assertThat(second.getPhase()).as("job 2: %s", second.getMessage()).isEqualTo(ImportPhase.DONE);
            ImportsApi adminImports = new ImportsApi(asAdmin);
            ImportJob other = awaitJob(adminImports, adminImports.submitImport(
                    csv(List.of(row(7502_0000_0000_0100L, OTHER_PKM, 2, true)), "other.csv"), null, null, null, null));
            assertThat(other.getPhase()).as("other district: %s", other.getMessage()).isEqualTo(ImportPhase.DONE);
            TargetDto target = new TargetsSasaranApi(asAdmin).setTarget(new TargetDto().area(DISTRICT).year(YEAR)
                    .serviceCode(HIV).amount(40L).source(TargetSource.DECREE).note("client IT"));
            assertThat(target.getId()).isNotNull();

            ChangeFeed feed = changes.listChanges(null, cursor);
            assertThat(feed.getChanges()).extracting(Change::getKind).containsExactly(Change.KindEnum.IMPORT_COMMITTED,
                    Change.KindEnum.TARGET_SET);
            assertThat(feed.getChanges()).extracting(Change::getDistrict).containsOnly(DISTRICT);
            assertThat(feed.getChanges()).extracting(Change::getCursor).isSorted().doesNotHaveDuplicates();
            assertThat(feed.getMore()).isFalse();
            assertThat(changes.listChanges(null, feed.getNext()).getChanges()).isEmpty();
            // The admin (every area) sees the other district's import among them.
            assertThat(new ChangesApi(asAdmin).listChanges(null, cursor).getChanges()).extracting(Change::getDistrict)
                    .containsExactly(DISTRICT, OTHER_DISTRICT, DISTRICT);

            // Changed: 200 with a new ETag and the new figures.
            ApiResponse<AchievementReport> reread = achievements.getAchievementsWithHttpInfo(DISTRICT, YEAR, null, etag);
            assertThat(reread.getStatusCode()).isEqualTo(200);
            assertThat(header(reread, "etag")).isNotEqualTo(etag);
            ServiceAchievement now = service(reread.getData(), HIV);
            assertThat(now.getNumerator()).isEqualTo(11);
            assertThat(now.getDenominator().getAmount()).isEqualTo(40);
            assertThat(now.getCoveragePercent()).isEqualByComparingTo(new BigDecimal("27.5"));
            ApiResponse<PersonPage> relist = achievements.listNotCountedPersonsWithHttpInfo(DISTRICT, HIV, YEAR, null, null,
                    null, null, listTag);
            assertThat(relist.getStatusCode()).isEqualTo(200);
            assertThat(header(relist, "etag")).isNotEqualTo(listTag);
            assertThat(relist.getData().getTotal()).isEqualTo(3);

            // Outside the token's areas: 403 AREA_FORBIDDEN as problem+json.
            ApiException forbidden = catchThrowableOfType(ApiException.class,
                    () -> achievements.getAchievements(OTHER_DISTRICT, YEAR, null, null));
            assertThat(forbidden.getCode()).isEqualTo(403);
            assertThat(forbidden.getResponseBody()).contains("AREA_FORBIDDEN");
        }
        System.out.printf("GeneratedClientIT: %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    static ApiClient client(String base, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        client.setReadTimeout(Duration.ofSeconds(60));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    static ImportJob awaitJob(ImportsApi imports, ImportJob submitted) throws ApiException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ImportJob job = submitted;
        while (!ENDED.contains(job.getPhase())) {
            assertThat(System.nanoTime()).as("job %d still %s", job.getId(), job.getPhase()).isLessThan(deadline);
            Thread.sleep(100);
            job = imports.getImport(job.getId());
        }
        return job;
    }

    static ServiceAchievement service(AchievementReport report, String code) {
        return report.getServices().stream().filter(s -> code.equals(s.getServiceCode())).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + code + " in " + report.getArea()));
    }

    static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    /** A row of the hiv-tes layout: a pregnant woman recorded on a day of {@code month}, tested R1 that day or not. */
    static String row(long nik, String puskesmas, int month, boolean tested) {
        String date = String.format("%02d/%02d/%d", 3 + (int) (nik % 20), month, YEAR);
        return nik + ",Ibu " + (nik % 1000) + ",12/05/1995,P," + puskesmas + ",Ibu Hamil," + date + ","
                + (tested ? date + ",R1,NON_REACTIVE" : ",,");
    }

    File csv(List<String> rows, String name) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("NIK,Nama,Tanggal Lahir,Jenis Kelamin,Kode Puskesmas,Kelompok Risiko,Tanggal Tercatat,Tanggal Tes,"
                + "Jenis Tes,Hasil");
        lines.addAll(rows);
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file.toFile();
    }

    /** The packaged service as a separate JVM on the embedded default, in a data folder of its own. */
    record Service(Process process, int port, Path log) implements AutoCloseable {

        static Service start(Path jar, Path dir) throws IOException {
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = Path.of("target", "client-it-service.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dquarkus.http.port=" + port,
                    "-Dspm.data-dir=" + dir.resolve("data"), "-jar", jar.toAbsolutePath().toString());
            Process process = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new Service(process, port, log);
        }

        String base() {
            return "http://localhost:" + port;
        }

        /** The local admin token the embedded default logs at start (the line after its announcement). */
        String awaitAdminToken(Duration limit) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("the service exited; see %s", log).isTrue();
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                for (int i = 0; i + 1 < lines.size(); i++) {
                    if (lines.get(i).contains("Local admin token")) {
                        return lines.get(i + 1).strip();
                    }
                }
                Thread.sleep(200);
            }
            throw new AssertionError("no local admin token logged within " + limit + "; see " + log);
        }

        void awaitReady(Duration limit) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("the service exited; see %s", log).isTrue();
                try {
                    if (HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // Not listening yet.
                }
                Thread.sleep(200);
            }
            throw new AssertionError("not ready within " + limit + "; see " + log);
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
            return r.body();
        }

        /** SIGTERM: the service ends its jobs and stops its PostgreSQL. */
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
