package id.spm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.read.FileRefusedException;
import id.spm.ingest.report.CellError;
import id.spm.ingest.report.ErrorCode;
import id.spm.ingest.report.ErrorGroup;
import id.spm.ingest.report.Report;

/**
 * Parsing on several threads (issue 13) settles rows in file order: the same accepted rows in the same
 * order, the same report and the same located errors (duplicates included: "earlier in the file" is decided in
 * file order) as one thread, over a file of many batches with bad rows scattered through it.
 */
class ParallelIngestTest {

    static final String PKM = TestFiles.PKM;

    @TempDir
    Path dir;

    final Ingestor ingestor = TestFiles.ingestor(PuskesmasRegistry.of(Set.of(PKM)));

    /** 3,000 visits of 1,500 mothers; every 7th row a bad cell of one of several kinds, some rows repeated. */
    static List<List<?>> mixed() {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("DINAS KESEHATAN KABUPATEN TANA TORAJA"));
        rows.add(List.of());
        rows.add(List.of("NIK Ibu", "Nama Ibu", "Tanggal Lahir Ibu", "Kode Puskesmas", "Kode Desa", "HPHT",
                "Tanggal Kunjungan", "Kunjungan Ke", "Pemeriksa", "USG", "Tekanan Darah"));
        for (int i = 0; i < 3000; i++) {
            String nik = String.format("731801410190%04d", i / 2 + 1);
            String visit = i % 2 == 0 ? "05/08/2025" : i % 3 == 0 ? "2025-09-05" : "5 September 2025";
            String birth = i % 5 == 0 ? "1990-05-12" : "12/05/1990";
            String desa = "7318012010";
            String usg = i % 4 == 0 ? "Tidak" : "Ya";
            String examiner = "Bidan";
            if (i % 7 == 3) {
                switch (i / 7 % 5) {
                    case 0 -> desa = "7318019999";
                    case 1 -> visit = "31/02/2025";
                    case 2 -> usg = "mungkin";
                    case 3 -> examiner = "Dukun";
                    default -> visit = "05/08/2027";
                }
            }
            rows.add(List.of(nik, "Ibu " + i, birth, PKM, desa, "01/03/2025", visit, i % 2 == 0 ? "K1A" : "K2", examiner,
                    usg, "Y"));
            if (i % 250 == 17) {
                // The same record again: a duplicate of the row above, rejected at this row.
                rows.add(rows.get(rows.size() - 1));
            }
            if (i % 400 == 5) {
                rows.add(List.of());
            }
        }
        return rows;
    }

    record Read(Report report, List<Accepted> rows) {
    }

    Read read(Path f, int threads) throws IOException {
        List<Accepted> rows = new ArrayList<>();
        Report r = ingestor.read(f, f.getFileName().toString(),
                new Ingestor.Options("ekohort-anc", TestFiles.TODAY, threads), rows::add);
        return new Read(r, rows);
    }

    @Test
    void severalThreadsGiveTheRowsAndErrorsOfOneInFileOrder() throws IOException {
        for (Path f : List.of(TestFiles.csv(dir, "anc.csv", mixed()), TestFiles.xlsx(dir, "anc.xlsx", mixed(), true))) {
            Read one = read(f, 1);
            Read four = read(f, 4);
            assertThat(one.report().rowsRejected()).as("the file has bad rows").isGreaterThan(400);
            assertThat(one.report().errors()).extracting(ErrorGroup::code).contains(ErrorCode.DUPLICATE_ROW,
                    ErrorCode.UNKNOWN_REGION, ErrorCode.INVALID_DATE, ErrorCode.DATE_IN_FUTURE);
            assertThat(four.rows()).as(f.toString()).isEqualTo(one.rows());
            assertThat(four.report()).as(f.toString()).isEqualTo(one.report());
            for (ErrorGroup g : four.report().errors()) {
                List<Integer> at = g.errors().stream().map(CellError::row).toList();
                assertThat(at).as("%s %s located in file order", f, g.code()).isSorted();
            }
            List<Integer> accepted = four.rows().stream().map(a -> a.location().row()).toList();
            assertThat(accepted).isSorted().doesNotHaveDuplicates();
        }
    }

    /** Issue 13: an xlsx is read on a thread of its own; a refusal mid-file is the one-thread refusal. */
    @Test
    void anXlsxRefusedMidFileIsRefusedAsWithOneThread() throws IOException {
        List<List<?>> rows = new ArrayList<>(mixed());
        List<Object> wide = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            wide.add(i == 19_999 ? "x" : null);
        }
        rows.add(1_500, wide);
        Path f = TestFiles.xlsx(dir, "wide.xlsx", rows, false);
        FileRefusedException one = org.assertj.core.api.Assertions.catchThrowableOfType(() -> read(f, 1),
                FileRefusedException.class);
        FileRefusedException four = org.assertj.core.api.Assertions.catchThrowableOfType(() -> read(f, 4),
                FileRefusedException.class);
        assertThat(one.code()).isEqualTo(FileRefusedException.Code.TOO_MANY_COLUMNS);
        assertThat(four.code()).isEqualTo(one.code());
        assertThat(four.getMessage()).isEqualTo(one.getMessage());
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("spm-ingest-read"));
    }

    @Test
    void aRefusalStillEndsTheRead() throws IOException {
        Path f = TestFiles.csv(dir, "none.csv", List.of(List.of("Bukan", "Header"), List.of("1", "2")));
        assertThatThrownBy(() -> read(f, 3)).isInstanceOf(FileRefusedException.class);
    }
}
