package id.spm.ingest.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The packages of spm-ingest in one direction: each layer may use the layers below it, never one
 * above. A new package must be given its place here, or the build fails.
 */
class LayersTest {

    private static final String ROOT = "id.spm.ingest";

    /** Lowest first. */
    private static final List<String[]> LAYERS = List.of(
            // the report and its redaction: what every layer may put an error into
            new String[] { "report", ROOT + ".report.." },
            // person keys (HMAC of the NIK)
            new String[] { "key", ROOT + ".key.." },
            // layouts as data: columns, types, aliases
            new String[] { "layout", ROOT + ".layout.." },
            // bytes to cells: the xlsx and CSV readers, hostile-file limits
            new String[] { "read", ROOT + ".read.." },
            // cells to bytes: the small xlsx and CSV writers (spm-sample's files, the readers' own tests)
            new String[] { "write", ROOT + ".write.." },
            // one cell to one typed value by its column's type
            new String[] { "parse", ROOT + ".parse.." },
            // which row is the header of which layout, and where each column is
            new String[] { "header", ROOT + ".header.." },
            // the ingestor: rows to spm-rules records (RowMapper, Accepted) and the report of a file
            new String[] { "ingest", ROOT },
            // the command line
            new String[] { "cli", ROOT + ".cli.." });

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    static LayeredArchitecture layers() {
        LayeredArchitecture arch = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture();
        for (String[] l : LAYERS) {
            arch = arch.layer(l[0]).definedBy(l[1]);
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String name = LAYERS.get(i)[0];
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(l -> l[0]).toArray(String[]::new);
            arch = above.length == 0 ? arch.whereLayer(name).mayNotBeAccessedByAnyLayer()
                    : arch.whereLayer(name).mayOnlyBeAccessedByLayers(above);
        }
        return arch;
    }

    @Test
    void noLayerUsesALayerAboveIt() {
        layers().check(classes);
    }

    /**
     * Packages (and, in the top package, the classes themselves, nested classes with their outer class)
     * depend on each other without cycles: the ingestor uses the row mapper, never the reverse.
     */
    @Test
    void noCycles() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String pkg = c.getPackageName();
                if (pkg.equals(ROOT)) {
                    String name = c.getName().substring(ROOT.length() + 1);
                    int nested = name.indexOf('$');
                    return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
                }
                if (pkg.startsWith(ROOT + ".")) {
                    return SliceIdentifier.of(Arrays.asList(pkg.substring(ROOT.length() + 1).split("\\.")).get(0));
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of spm-ingest and classes of its top package";
            }
        }).should().beFreeOfCycles().check(classes);
    }
}
