package id.spm.api.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The one place charts are drawn (trends now; the yearly report's coverage and IPSPM charts later), with
 * JFreeChart, headless: PNG through {@link ChartUtils}, SVG through JFreeSVG. Stateless and thread-safe
 * (each call builds its own chart).
 */
public final class ChartRenderer {

    static {
        // No display on a server: AWT draws off-screen.
        System.setProperty("java.awt.headless", "true");
    }

    /** The default size of a chart, in pixels. */
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 560;

    private static final Color[] PALETTE = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf), new Color(0x393b79), new Color(0x637939) };

    private ChartRenderer() {
    }

    /** A line chart as PNG or SVG bytes, of the default size. */
    public static byte[] render(LineChart chart, ChartFormat format) {
        return render(chart, format, WIDTH, HEIGHT);
    }

    /** A line chart as PNG or SVG bytes. */
    public static byte[] render(LineChart chart, ChartFormat format, int width, int height) {
        JFreeChart c = build(chart);
        try {
            if (format == ChartFormat.PNG) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ChartUtils.writeChartAsPNG(out, c, width, height);
                return out.toByteArray();
            }
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            c.draw(g, new Rectangle2D.Double(0, 0, width, height));
            return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JFreeChart build(LineChart chart) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, List<BigDecimal>> e : chart.series().entrySet()) {
            for (int i = 0; i < chart.categories().size(); i++) {
                BigDecimal v = e.getValue().get(i);
                data.addValue(v == null ? null : v.doubleValue(), e.getKey(), chart.categories().get(i));
            }
        }
        JFreeChart c = ChartFactory.createLineChart(chart.title(), chart.categoryLabel(), chart.valueLabel(), data,
                PlotOrientation.VERTICAL, true, false, false);
        c.setBackgroundPaint(Color.WHITE);
        c.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        CategoryPlot plot = c.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        CategoryAxis x = plot.getDomainAxis();
        if (chart.categories().size() > 8) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        if (chart.rangeMin() != null && chart.rangeMax() != null) {
            plot.getRangeAxis().setRange(chart.rangeMin().doubleValue(), chart.rangeMax().doubleValue());
        }
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        r.setDefaultShapesVisible(true);
        for (int i = 0; i < chart.series().size(); i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        return c;
    }
}
