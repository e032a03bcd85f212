package id.spm.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import id.spm.rules.SpmService;
import id.spm.rules.model.PersonRecord;
import id.spm.rules.model.PuskesmasInfo;

class PopulationGeneratorTest {

    private static final SampleSpec SPEC = SampleSpec.tanaToraja(11L, 4_000, 2025);

    @Test
    void sameSeedGivesIdenticalOutput() {
        PopulationGenerator a = new PopulationGenerator(SPEC);
        PopulationGenerator b = new PopulationGenerator(SPEC);
        assertThat(a.persons()).isEqualTo(b.persons());
        assertThat(a.puskesmas()).isEqualTo(b.puskesmas());
        assertThat(a.population()).isEqualTo(b.population());
        assertThat(a.targets()).isEqualTo(b.targets());
        assertThat(a.mutu()).isEqualTo(b.mutu());
        assertThat(a.monthlyCounts()).isEqualTo(b.monthlyCounts());
    }

    @Test
    void aNewPassRepeatsTheFirst() {
        PopulationGenerator g = new PopulationGenerator(SPEC);
        assertThat(g.stream().toList()).isEqualTo(g.persons());
        Iterator<PersonRecord> it = g.iterator();
        assertThat(it.next()).isEqualTo(g.iterator().next());
    }

    @Test
    void anotherSeedGivesAnotherDistrict() {
        List<PersonRecord> a = new PopulationGenerator(SPEC).persons();
        List<PersonRecord> b = new PopulationGenerator(SPEC.withSeed(12L)).persons();
        assertThat(a).hasSameSizeAs(b).isNotEqualTo(b);
        assertThat(a.get(0).id()).isNotEqualTo(b.get(0).id());
    }

    /** The first ids of seed 1 never change: files and snapshots made from them stay valid. */
    @Test
    void idsAreStableAcrossRuns() {
        assertThat(PersonSynthesizer.personId(1L, 0)).isEqualTo(PersonSynthesizer.personId(1L, 0)).hasSize(32)
                .matches("[0-9a-f]{32}");
        assertThat(PersonSynthesizer.personId(1L, 0)).isNotEqualTo(PersonSynthesizer.personId(1L, 1))
                .isNotEqualTo(PersonSynthesizer.personId(2L, 0));
    }

    @ParameterizedTest(name = "{0} persons, {1} Puskesmas")
    @CsvSource({ "1, 1", "2, 1", "17, 5", "1000, 19", "3000, 21", "5000, 40" })
    void populationIsExactAndPuskesmasAddUp(int population, int puskesmasCount) {
        PopulationGenerator g = new PopulationGenerator(
                new SampleSpec(3L, SampleDistrict.TANA_TORAJA, puskesmasCount, population, 2025, SpmService.HIV_RISK));
        assertThat(g.stream().count()).isEqualTo(population);
        assertThat(g.puskesmas()).hasSize(puskesmasCount);
        assertThat(g.puskesmas().stream().mapToLong(PuskesmasInfo::population).sum()).isEqualTo(population);
        assertThat(g.puskesmas()).extracting(PuskesmasInfo::code).allMatch(c -> c.matches("P\\d{10}"))
                .doesNotHaveDuplicates().isSorted();
        assertThat(g.puskesmas()).allMatch(p -> p.districtCode().equals("73.18"));
        Set<String> desa = new HashSet<>();
        g.puskesmas().forEach(p -> assertThat(desa.addAll(p.desaCodes())).isTrue());
        assertThat(desa).hasSize(SampleDistrict.TANA_TORAJA.desaCount());
        assertThat(g.population().stream().filter(r -> r.regionCode().equals("73.18"))
                .mapToLong(SamplePopulationRow::total).sum()).isEqualTo(population);
        assertThat(g.aggregatePuskesmas()).isEqualTo(puskesmasCount > 1 ? g.puskesmas().get(puskesmasCount - 1).code()
                : null);
    }

    @Test
    void fewerPuskesmasThanKecamatanStillServeEveryDesa() {
        PopulationGenerator g = new PopulationGenerator(SPEC.withDistrict(SampleDistrict.TANA_TORAJA, 3));
        assertThat(g.puskesmas()).extracting(PuskesmasInfo::code).containsExactly("P7318010201", "P7318020201",
                "P7318030201");
        assertThat(g.puskesmas().stream().mapToInt(p -> p.desaCodes().size()).sum()).isEqualTo(159);
    }

    /** 50 million persons could not be held in memory: the stream must produce them one by one. */
    @Test
    void streamingDoesNotMaterialiseThePopulation() {
        PopulationGenerator huge = new PopulationGenerator(SPEC.withPopulation(50_000_000));
        long taken = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> huge.stream().limit(5_000).filter(p -> p.id().length() == 32).count());
        assertThat(taken).isEqualTo(5_000);
        assertThat(huge.puskesmas().stream().mapToLong(PuskesmasInfo::population).sum()).isEqualTo(50_000_000);
    }

    @Test
    void thePersonsAlreadyHandedOutAreNotRetained() throws InterruptedException {
        Iterator<PersonRecord> it = new PopulationGenerator(SPEC.withPopulation(200_000)).iterator();
        java.lang.ref.WeakReference<PersonRecord> first = new java.lang.ref.WeakReference<>(it.next());
        for (int i = 0; i < 20_000; i++) {
            it.next();
        }
        for (int i = 0; i < 10 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(first.get()).isNull();
        assertThat(it.hasNext()).isTrue();
    }

    @Test
    void districtFromKodeWilayahLines() {
        List<String> lines = List.of("kode,nama", "73,Sulawesi Selatan", "73.17,Kabupaten Luwu",
                "73.18,Kabupaten Tana Toraja", "73.18.05,Makale", "73.18.05.1003,Tondon Mamullu",
                "73.18.05.2023,\"Lion, Tondok Iring\"", "73.18.01,Salupputti", "73.18.01.1009,Pattan Ulusalu",
                "73.18.01.2010,Salutandung", "73.26,Kabupaten Toraja Utara", "73.26.01,Rantepao");
        SampleDistrict d = SampleDistrict.fromKodeWilayah(lines, "73.18");
        assertThat(d.name()).isEqualTo("Kabupaten Tana Toraja");
        assertThat(d.kecamatan()).extracting(SampleKecamatan::code).containsExactly("73.18.01", "73.18.05");
        assertThat(d.kecamatan().get(1).desaCodes()).containsExactly("73.18.05.1003", "73.18.05.2023");
        assertThat(d.desaCount()).isEqualTo(4);
        assertThat(new PopulationGenerator(SPEC.withDistrict(d, 2)).stream().count()).isEqualTo(4_000);
    }

    @Test
    void builtInTanaTorajaMatchesTheDecree() {
        assertThat(SampleDistrict.TANA_TORAJA.kecamatan()).hasSize(19);
        assertThat(SampleDistrict.TANA_TORAJA.desaCount()).isEqualTo(159);
    }

    static Stream<Arguments> invalidSpecs() {
        SampleDistrict tt = SampleDistrict.TANA_TORAJA;
        return Stream.of(
                Arguments.of("no Puskesmas", (Runnable) () -> new SampleSpec(1, tt, 0, 10, 2025, null)),
                Arguments.of("too many Puskesmas", (Runnable) () -> new SampleSpec(1, tt, 99 * 19 + 1, 10, 2025, null)),
                Arguments.of("empty population", (Runnable) () -> new SampleSpec(1, tt, 1, 0, 2025, null)),
                Arguments.of("year out of range", (Runnable) () -> new SampleSpec(1, tt, 1, 10, 1999, null)),
                Arguments.of("service without its own register",
                        (Runnable) () -> new SampleSpec(1, tt, 2, 10, 2025, SpmService.BALITA)),
                Arguments.of("kecamatan of another district",
                        (Runnable) () -> new SampleDistrict("73.18", "X",
                                List.of(new SampleKecamatan("73.26.01", "Rantepao", List.of())))),
                Arguments.of("desa of another kecamatan",
                        (Runnable) () -> new SampleKecamatan("73.18.01", "X", List.of("73.18.02.2002"))),
                Arguments.of("plain district code",
                        (Runnable) () -> new SampleDistrict("7318", "X", List.of())),
                Arguments.of("district missing from the list",
                        (Runnable) () -> SampleDistrict.fromKodeWilayah(List.of("73.18.01,Salupputti"), "73.18")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSpecs")
    void invalidSpecsAreRefused(String name, Runnable construct) {
        assertThatThrownBy(construct::run).isInstanceOf(IllegalArgumentException.class);
    }
}
