package id.spm.api.chart;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a line chart shows: labelled categories on the x axis (periods) and named series of values, a
 * {@code null} value being a gap (not computable in that period).
 *
 * @param title the chart's title
 * @param categoryLabel the x axis label
 * @param valueLabel the y axis label
 * @param categories the x axis, in order
 * @param series name to values, one per category, in legend order
 * @param rangeMin lower bound of the y axis, {@code null} for automatic
 * @param rangeMax upper bound of the y axis, {@code null} for automatic
 */
public record LineChart(String title, String categoryLabel, String valueLabel, List<String> categories,
        Map<String, List<BigDecimal>> series, BigDecimal rangeMin, BigDecimal rangeMax) {

    public LineChart {
        Objects.requireNonNull(title, "title");
        categories = List.copyOf(categories);
        Map<String, List<BigDecimal>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<BigDecimal>> e : series.entrySet()) {
            if (e.getValue().size() != categories.size()) {
                throw new IllegalArgumentException("series " + e.getKey() + " has " + e.getValue().size()
                        + " values for " + categories.size() + " categories");
            }
            copy.put(e.getKey(), java.util.Collections.unmodifiableList(new java.util.ArrayList<>(e.getValue())));
        }
        series = java.util.Collections.unmodifiableMap(copy);
    }
}
