package id.spm.api.arch;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The layers of spm-api run one way (issue 9): {@code rest} → services ({@code service}, {@code imports},
 * {@code mapping}) → {@code security} → {@code area} → storage ({@code repository}, {@code entity}) →
 * the API's records and problems ({@code model}, {@code error}), with {@code config} below all. A
 * class may use its own layer and the layers below it, never one above. Persistence has one home: JDBC statements,
 * COPY, EntityManager calls and Panache finders only in {@code repository} (and {@code entity}); not even
 * {@code config}: the embedded server gets its password from initdb, not from SQL.
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
                .layer("Service").definedBy("id.spm.api.service..", "id.spm.api.imports..", "id.spm.api.mapping..",
                        "id.spm.api.chart..", "id.spm.api.export..", "id.spm.api.report..")
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

    /** Outside the storage layer (and config), classes neither run SQL nor query through JPA or Panache. */
    @Test
    void persistenceOnlyInRepositories() {
        String panacheMethods = Arrays.stream(PanacheEntityBase.class.getDeclaredMethods()).map(Method::getName)
                .distinct().collect(Collectors.joining("|"));
        noClasses().that().resideOutsideOfPackages("id.spm.api.repository..", "id.spm.api.entity..")
                .should().dependOnClassesThat(assignableTo(Statement.class).or(assignableTo(ResultSet.class))
                        .or(resideInAnyPackage("org.postgresql.copy..")).or(assignableTo(PGConnection.class))
                        .as("JDBC statements, result sets or COPY"))
                .orShould().callMethodWhere(target(owner(assignableTo(EntityManager.class)))
                        .as("a method of EntityManager"))
                .orShould().callMethodWhere(target(owner(assignableTo(PanacheEntityBase.class)))
                        .and(target(nameMatching(panacheMethods))).as("a Panache finder or write of an entity"))
                .because("SQL and data access live in id.spm.api.repository (issue 9)")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("id.spm.api.(*)..").should().beFreeOfCycles().check(classes);
    }
}
