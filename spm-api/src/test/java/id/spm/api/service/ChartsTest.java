package id.spm.api.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import id.spm.api.chart.Charts;

/** The chart functions render PNGs of the asked size, with gaps for missing values, and refuse ragged series. */
class ChartsTest {

    static final Charts.Style STYLE = new Charts.Style(640, 320, "%", Numbers.decimalFormat(), null, true, true);

    @Test
    void barsAndLinesRenderPngsWithGapsForMissingValues() throws IOException {
        List<String> cats = List.of("1. ibu hamil", "2. ibu bersalin", "3. bayi baru lahir");
        byte[] bars = Charts.bars("Capaian", cats,
                Charts.series("% penerima", Arrays.asList(new BigDecimal("74.09"), null, new BigDecimal("120.5"))),
                new Charts.Target(100, "Target 100 %"), STYLE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bars));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(320);

        Map<String, List<? extends Number>> series = new LinkedHashMap<>();
        series.put("IPSPM", List.of(30, 41.5, 55.93));
        series.put("Target", List.of(100, 100, 100));
        byte[] lines = Charts.lines("Per triwulan", List.of("I", "II", "III"), series, null, STYLE.withSize(400, 200));
        assertThat(ImageIO.read(new ByteArrayInputStream(lines)).getWidth()).isEqualTo(400);
        assertThat(Charts.dataUri(lines)).startsWith("data:image/png;base64,iVBOR");
    }

    @Test
    void aSeriesOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> Charts.bars("x", List.of("a", "b"), Charts.series("s", List.of(1)), null, STYLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 2 categories");
    }
}
