package id.spm.api.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The one place charts are drawn (the Laporan's charts, the trends chart): bars of values per category with an
 * optional target line, and lines of series over ordered categories, rendered headless with JFreeChart to PNG
 * ({@link ChartUtils}) or SVG (JFreeSVG). Independent of the API's data: callers pass labels and numbers
 * ({@code null} values are gaps). Stateless and thread-safe; rendering needs {@code java.awt.headless=true} (set
 * here if unset).
 */
public final class Charts {

    /**
     * A palette readable in print and by colour-blind readers (Okabe–Ito) first, then five more so that the 12
     * services and the sector of a trend chart each get their own colour.
     */
    private static final Color[] PALETTE = { new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000),
            new Color(0x8C564B), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x393B79),
            new Color(0x9467BD) };

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /**
     * The look of a chart: size in pixels, axis label, the number format of labels (e.g. Indonesian, comma decimal),
     * the value axis range ({@code null} for automatic) and whether bar values are printed.
     */
    public record Style(int width, int height, String valueAxisLabel, NumberFormat numberFormat, Double axisMax,
            boolean valueLabels, boolean rotateCategoryLabels) {

        public Style withSize(int w, int h) {
            return new Style(w, h, valueAxisLabel, numberFormat, axisMax, valueLabels, rotateCategoryLabels);
        }
    }

    /** A horizontal reference line, e.g. the 100 % target. */
    public record Target(double value, String label) {
    }

    /**
     * Bars of one or more series per category (series name → values in category order), with an optional target
     * line.
     */
    public static byte[] bars(String title, List<String> categories, Map<String, List<? extends Number>> series,
            Target target, Style style) {
        return bars(title, categories, series, target, style, ChartFormat.PNG);
    }

    /** {@link #bars(String, List, Map, Target, Style)} as PNG or SVG. */
    public static byte[] bars(String title, List<String> categories, Map<String, List<? extends Number>> series,
            Target target, Style style, ChartFormat format) {
        DefaultCategoryDataset data = dataset(categories, series);
        JFreeChart chart = ChartFactory.createBarChart(title, null, style.valueAxisLabel(), data,
                PlotOrientation.VERTICAL, series.size() > 1, false, false);
        CategoryPlot plot = base(chart, style);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        r.setMaximumBarWidth(0.08);
        return finish(chart, plot, r, series.size(), target, style, format);
    }

    /** Lines of series (series name → values in category order) over ordered categories, with an optional target. */
    public static byte[] lines(String title, List<String> categories, Map<String, List<? extends Number>> series,
            Target target, Style style) {
        return lines(title, categories, series, target, style, ChartFormat.PNG);
    }

    /** {@link #lines(String, List, Map, Target, Style)} as PNG or SVG. */
    public static byte[] lines(String title, List<String> categories, Map<String, List<? extends Number>> series,
            Target target, Style style, ChartFormat format) {
        DefaultCategoryDataset data = dataset(categories, series);
        JFreeChart chart = ChartFactory.createLineChart(title, null, style.valueAxisLabel(), data,
                PlotOrientation.VERTICAL, series.size() > 1, false, false);
        CategoryPlot plot = base(chart, style);
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.5f : 1.5f));
        }
        return finish(chart, plot, r, series.size(), target, style, format);
    }

    /** A PNG as a {@code data:} URI, to embed in HTML. */
    public static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    /** One series (a convenience for {@link #bars} and {@link #lines}). */
    public static Map<String, List<? extends Number>> series(String name, List<? extends Number> values) {
        Map<String, List<? extends Number>> m = new LinkedHashMap<>();
        m.put(name, values);
        return m;
    }

    private static DefaultCategoryDataset dataset(List<String> categories, Map<String, List<? extends Number>> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, List<? extends Number>> s : series.entrySet()) {
            if (s.getValue().size() != categories.size()) {
                throw new IllegalArgumentException("series " + s.getKey() + " has " + s.getValue().size()
                        + " values for " + categories.size() + " categories");
            }
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(s.getValue().get(i), s.getKey(), categories.get(i));
            }
        }
        return data;
    }

    private static CategoryPlot base(JFreeChart chart, Style style) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.setTitle(new TextTitle(chart.getTitle().getText(), new Font(Font.SANS_SERIF, Font.BOLD, 13)));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xBBBBBB));
        plot.setOutlineVisible(false);
        CategoryAxis x = plot.getDomainAxis();
        x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        x.setMaximumCategoryLabelLines(3);
        if (style.rotateCategoryLabels()) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setNumberFormatOverride(style.numberFormat());
        if (style.numberFormat().getMaximumFractionDigits() == 0) {
            // Counts: whole-number ticks only (no 0,5 steps printed as "0", "1", "1").
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        y.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        if (style.axisMax() != null) {
            y.setRange(0, style.axisMax());
        }
        return plot;
    }

    private static void targetLine(CategoryPlot plot, Target target) {
        if (target == null) {
            return;
        }
        ValueMarker m = new ValueMarker(target.value(), new Color(0xD55E00), new BasicStroke(1.5f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f }, 0f));
        m.setLabel(target.label());
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        m.setLabelPaint(new Color(0xD55E00));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(m, Layer.FOREGROUND);
    }

    /** What bars and lines share: the palette, value labels when asked, the target line, the encoding. */
    private static byte[] finish(JFreeChart chart, CategoryPlot plot, AbstractCategoryItemRenderer r, int seriesCount,
            Target target, Style style, ChartFormat format) {
        for (int i = 0; i < seriesCount; i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        if (style.valueLabels()) {
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", style.numberFormat()));
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        }
        targetLine(plot, target);
        return encode(chart, style, format);
    }

    private static byte[] encode(JFreeChart chart, Style style, ChartFormat format) {
        if (format == ChartFormat.SVG) {
            SVGGraphics2D g = new SVGGraphics2D(style.width(), style.height());
            chart.draw(g, new Rectangle2D.Double(0, 0, style.width(), style.height()));
            return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, style.width(), style.height());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }
}
