package id.spm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.read.Limits;
import id.spm.ingest.report.CellError;
import id.spm.ingest.report.ErrorCode;
import id.spm.ingest.report.Report;

/** The BLUD catalog values layout (issue 12): read on purpose, never detected by import jobs. */
class CatalogValueLayoutTest {

    static final String PKM = "P3308010101";
    static final LayoutRegistry CATALOG = LayoutRegistry.ofResources("/layouts-catalog/blud-capaian.json");

    @TempDir
    Path dir;

    @Test
    void rowsBecomeCatalogValuesAndBadCellsAreLocated() throws IOException {
        Ingestor in = new Ingestor(CATALOG, TestFiles.REGIONS, PuskesmasRegistry.of(Set.of(PKM)), TestFiles.KEYS,
                Limits.defaults());
        Path f = TestFiles.csv(dir, "survei.csv", List.of(List.of("Kode Puskesmas", "Tahun", "Kode Indikator",
                "Capaian", "Keterangan"), List.of(PKM, "2016", "1.b.7", "95,5", "survei lab"),
                List.of(PKM, "2016", "1.c", "tujuh", ""), List.of("P3308019999", "2016", "1.c", "70", ""),
                List.of(PKM, "1999", "1.c", "70", "")));
        List<Accepted> rows = new ArrayList<>();
        Report r = in.read(f, "survei.csv", new Ingestor.Options("blud-capaian", TestFiles.TODAY), rows::add);
        assertThat(r.rowsAccepted()).isEqualTo(1);
        assertThat(rows).singleElement().isInstanceOfSatisfying(Accepted.CatalogValueRow.class, v -> {
            assertThat(v.puskesmas()).isEqualTo(PKM);
            assertThat(v.year()).isEqualTo(2016);
            assertThat(v.indicator()).isEqualTo("1.b.7");
            assertThat(v.value()).isEqualByComparingTo(new BigDecimal("95.5"));
            assertThat(v.note()).isEqualTo("survei lab");
            assertThat(v.catalog()).isNull();
            assertThat(v.kabkotaCode()).isEqualTo("33.08");
        });
        List<CellError> errors = r.errors().stream().flatMap(g -> g.errors().stream()).toList();
        assertThat(errors).extracting(CellError::row, CellError::column, CellError::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(3, "D", ErrorCode.INVALID_NUMBER),
                org.assertj.core.groups.Tuple.tuple(4, "A", ErrorCode.UNKNOWN_PUSKESMAS),
                org.assertj.core.groups.Tuple.tuple(5, "B", ErrorCode.OUT_OF_RANGE));
    }

    @Test
    void importJobsNeverDetectIt() {
        assertThat(LayoutRegistry.builtIn().find("blud-capaian")).isEmpty();
        assertThat(CATALOG.all()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("blud-capaian"));
    }
}
