package id.spm.sample.files;

import java.time.LocalDate;

import id.spm.ingest.Ingestor;
import id.spm.ingest.key.PersonKeys;
import id.spm.ingest.layout.LayoutRegistry;
import id.spm.ingest.parse.PuskesmasRegistry;
import id.spm.ingest.parse.Regions;
import id.spm.ingest.read.Limits;

/** The importer as the generated files meet it: the built-in layouts and regions, a fixed key. */
final class IngestFixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);
    static final Regions REGIONS = Regions.builtIn();
    static final PersonKeys KEYS = PersonKeys.of(new byte[32]);
    static final LayoutRegistry LAYOUTS = LayoutRegistry.builtIn();

    private IngestFixtures() {
    }

    static Ingestor ingestor(PuskesmasRegistry registry) {
        return new Ingestor(LAYOUTS, REGIONS, registry, KEYS, Limits.defaults());
    }
}
