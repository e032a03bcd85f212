package id.spm.sample.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.ingest.Accepted;
import id.spm.ingest.EventJson;
import id.spm.ingest.Ingestor;
import id.spm.ingest.layout.Layout;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.report.ErrorCode;
import id.spm.ingest.report.ErrorGroup;
import id.spm.ingest.report.Report;
import id.spm.rules.model.Event;
import id.spm.sample.files.SampleFiles.Format;

/** Every built-in layout, as xlsx and as csv: generated files read back with exactly the injected errors. */
class LayoutsRoundTripTest {

    static final SampleFiles.Spec SPEC = SampleFiles.forDistrict(42, 120, 0.1, 2025, IngestFixtures.TODAY, "73.18",
            IngestFixtures.REGIONS);
    static final SampleFiles FILES = new SampleFiles(SPEC, IngestFixtures.LAYOUTS);

    @TempDir
    Path dir;

    static Stream<Arguments> layoutsAndFormats() {
        List<Arguments> out = new ArrayList<>();
        for (Layout l : IngestFixtures.LAYOUTS.all()) {
            for (Format f : Format.values()) {
                out.add(Arguments.of(l.name(), f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("layoutsAndFormats")
    void generatedFileReadsBackWithExactlyTheInjectedErrors(String layoutName, Format format) throws IOException {
        Layout layout = IngestFixtures.LAYOUTS.find(layoutName).orElseThrow();
        Path file = dir.resolve(layoutName + (format == Format.CSV ? ".csv" : ".xlsx"));
        SampleFiles.Written w;
        try (OutputStream os = Files.newOutputStream(file)) {
            w = FILES.write(layout, format, os, file);
        }
        List<Accepted> rows = new ArrayList<>();
        Ingestor ingestor = IngestFixtures.ingestor(PuskesmasRegistry.of(new HashSet<>(FILES.puskesmasCodes())));
        // Detected from the header, not claimed.
        Report r = ingestor.read(file, file.getFileName().toString(), new Ingestor.Options(null, IngestFixtures.TODAY),
                rows::add);

        assertThat(r.layout()).isEqualTo(layoutName);
        assertThat(r.headerRow()).isEqualTo(5);
        assertThat(r.title().puskesmas()).isEqualTo(FILES.puskesmasCode(0));
        assertThat(r.title().year()).isEqualTo(2025);
        assertThat(r.rowsRead()).isEqualTo(w.rows());
        assertThat(r.rowsRejected()).isEqualTo(w.badRows());
        assertThat(r.rowsAccepted()).isEqualTo(w.rows() - w.badRows()).isEqualTo(rows.size());
        Map<ErrorCode, Integer> byCode = new EnumMap<>(ErrorCode.class);
        for (ErrorGroup g : r.errors()) {
            byCode.put(g.code(), (int) g.count());
        }
        assertThat(byCode).isEqualTo(w.injected());
        assertThat(r.unknownColumns()).isEmpty();
        for (Accepted a : rows) {
            assertThat(a.layout()).isEqualTo(layoutName);
            assertThat(a.kabkotaCode()).startsWith("73");
            assertThat(a.location().row()).isGreaterThan(5);
            if (a instanceof Accepted.EventRow e) {
                assertThat(e.eventType()).isEqualTo(layout.target().typeName());
                assertThat(e.person().id()).matches("[0-9a-f]{64}");
                String json = EventJson.write(e.event());
                Event back = EventJson.read(json, e.event().getClass());
                assertThat(back).isEqualTo(e.event());
                assertThat(EventJson.hash(EventJson.write(back))).isEqualTo(EventJson.hash(json));
            }
        }
    }
}
