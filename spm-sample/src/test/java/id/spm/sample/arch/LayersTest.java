package id.spm.sample.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages of spm-sample in one direction: the population generator, the files written from it,
 * the command line that writes them. A new package must be given its place here, or the build fails.
 */
class LayersTest {

    @Test
    void noLayerUsesALayerAboveIt() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.spm.sample");
        layeredArchitecture().consideringOnlyDependenciesInLayers().ensureAllClassesAreContainedInArchitecture()
                // the seeded district: persons, events, population, sasaran, mutu (spm-rules' types)
                .layer("population").definedBy("id.spm.sample")
                // the district and seeded test files written in the importer's layouts
                .layer("files").definedBy("id.spm.sample.files..")
                // the command line
                .layer("cli").definedBy("id.spm.sample.cli..")
                .whereLayer("population").mayOnlyBeAccessedByLayers("files", "cli")
                .whereLayer("files").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .check(classes);
    }
}
