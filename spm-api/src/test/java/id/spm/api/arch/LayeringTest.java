package id.spm.api.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers of spm-api run one way (issue 9): {@code rest} → services ({@code service}, {@code imports},
 * {@code mapping}) → {@code security} → {@code area} → storage ({@code repository}, {@code entity}) →
 * the API's records and problems ({@code model}, {@code error}), with {@code config} below all. A
 * class may use its own layer and the layers below it, never one above.
 */
class LayeringTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.spm.api");
    }

    @Test
    void layersAreUsedFromAboveOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Rest").definedBy("id.spm.api.rest..")
                .layer("Service").definedBy("id.spm.api.service..", "id.spm.api.imports..", "id.spm.api.mapping..")
                .layer("Security").definedBy("id.spm.api.security..")
                .layer("Area").definedBy("id.spm.api.area..")
                .layer("Storage").definedBy("id.spm.api.repository..", "id.spm.api.entity..")
                .layer("Model").definedBy("id.spm.api.model..", "id.spm.api.error..")
                .layer("Config").definedBy("id.spm.api.config..")
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Rest")
                .whereLayer("Security").mayOnlyBeAccessedByLayers("Rest", "Service")
                .whereLayer("Area").mayOnlyBeAccessedByLayers("Rest", "Service", "Security")
                .whereLayer("Storage").mayOnlyBeAccessedByLayers("Rest", "Service", "Security", "Area")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Rest", "Service", "Security", "Area", "Storage")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Rest", "Service", "Security", "Area", "Storage")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("id.spm.api.(*)..").should().beFreeOfCycles().check(classes);
    }
}
