package id.spm.api.chart;

import java.util.Locale;

/** The image formats charts are rendered in. */
public enum ChartFormat {
    PNG("image/png"),
    SVG("image/svg+xml");

    private final String mediaType;

    ChartFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** {@code png} or {@code svg}, any case; {@code null} when neither. */
    public static ChartFormat parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "png" -> PNG;
            case "svg" -> SVG;
            default -> null;
        };
    }
}
