package id.spm.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Category labels banded by the published (rounded) index (digest §3). The regulation's annex was not
 * available, so the bands are data: a region chooses its scheme.
 */
public record CategoryScheme(String id, String description, List<CategoryBand> bands) {

    /** Default bands: 100 Paripurna; ≥ 80 Utama; ≥ 60 Madya; ≥ 40 Muda; ≥ 20 Pratama; else Belum Tuntas. */
    public static final CategoryScheme DEFAULT = new CategoryScheme("BANDS-20", "Bands of 20 points (default)",
            List.of(band("Tuntas Paripurna", "100"), band("Tuntas Utama", "80"), band("Tuntas Madya", "60"),
                    band("Tuntas Muda", "40"), band("Tuntas Pratama", "20"), band("Belum Tuntas", "0")));

    /** Scheme seen in the field: 100 / 90 / 80 / 70 / 60 with Pratama above Muda. */
    public static final CategoryScheme BANDS_10 = new CategoryScheme("BANDS-10",
            "100 / 90 / 80 / 70 / 60, Pratama above Muda",
            List.of(band("Tuntas Paripurna", "100"), band("Tuntas Utama", "90"), band("Tuntas Madya", "80"),
                    band("Tuntas Pratama", "70"), band("Tuntas Muda", "60"), band("Belum Tuntas", "0")));

    public CategoryScheme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        List<CategoryBand> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparing(CategoryBand::minIndex).reversed());
        if (sorted.isEmpty() || sorted.get(sorted.size() - 1).minIndex().signum() > 0) {
            throw new IllegalArgumentException("a category scheme needs a band starting at 0");
        }
        bands = List.copyOf(sorted);
    }

    public static List<CategoryScheme> builtIn() {
        return List.of(DEFAULT, BANDS_10);
    }

    /** The label of a published (already rounded) index. */
    public String categorize(BigDecimal publishedIndex) {
        Objects.requireNonNull(publishedIndex, "publishedIndex");
        for (CategoryBand b : bands) {
            if (publishedIndex.compareTo(b.minIndex()) >= 0) {
                return b.label();
            }
        }
        return bands.get(bands.size() - 1).label();
    }

    private static CategoryBand band(String label, String min) {
        return new CategoryBand(label, new BigDecimal(min));
    }
}
