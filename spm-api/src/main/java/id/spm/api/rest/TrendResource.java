package id.spm.api.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.chart.ChartFormat;
import id.spm.api.chart.ChartRenderer;
import id.spm.api.chart.LineChart;
import id.spm.api.error.ApiException;
import id.spm.api.error.Problem;
import id.spm.api.model.Trends;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.api.service.ComparisonService;

@Path("/api/v1/trends")
@Tag(name = "Over time", description = "Year over year, quarterly trends and their charts, what-if, submission diffs, next year's targets")
public class TrendResource {

    static final String EXAMPLE = """
            {"area":"73.18","areaName":"Kabupaten Tana Toraja","fromYear":2025,"toYear":2025,"periods":["2025-Q1","2025-Q2","2025-Q3","2025-Q4"],
            "sector":[{"period":"2025-Q1","year":2025,"quarter":1,"index":22.10,"category":"Tuntas Pratama"}],
            "services":[{"serviceCode":"1.02.02.2.02.0001","service":"ANTENATAL","name":"Pelayanan kesehatan ibu hamil",
            "points":[{"period":"2025-Q1","year":2025,"quarter":1,"numerator":880,"sasaran":4820,"coveragePercent":18.26,
            "penerimaPercent":18.26,"qualityPercent":62.50,"index":27.11,"category":"Tuntas Pratama"}]}]}""";

    private final ComparisonService comparisons;
    private final CallerScope scope;

    public TrendResource(ComparisonService comparisons, CallerScope scope) {
        this.comparisons = comparisons;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "getTrends", summary = "Each service's quarterly series over years, ready to chart", description = "Quarters are cumulative from January against the annual sasaran; every point is the figure of GET /achievements of that quarter. At most 6 years.")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(schema = @Schema(implementation = Trends.class), examples = @ExampleObject(name = "one year", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid area or years (INVALID_AREA_CODE, VALIDATION_FAILED, INVALID_YEAR_RANGE, YEAR_RANGE_TOO_WIDE, NO_RULE_SET)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Area outside your token, whether it exists or not (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown area, or no Puskesmas registered in it (REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND, NO_PUSKESMAS_IN_AREA)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Trends trends(@Parameter(required = true, example = "73.18") @QueryParam("area") @NotNull String area,
            @Parameter(required = true, example = "2024") @QueryParam("fromYear") @NotNull @Min(2015) @Max(2035) Integer fromYear,
            @Parameter(required = true, example = "2025") @QueryParam("toYear") @NotNull @Min(2015) @Max(2035) Integer toYear) {
        String code = AreaCodeParam.normalize(area);
        AreaAccess.require(scope, code);
        return comparisons.trends(code, fromYear, toYear);
    }

    @GET
    @Path("/chart")
    @Produces({ "image/png", "image/svg+xml" })
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "renderTrendChart", summary = "A line chart of the trends (PNG or SVG)", description = "One line per service (and the sector index for measure=index) over the cumulative quarters of GET /trends, drawn with JFreeChart. measure: index (IPSPM, default), penerima (%IP penerima) or coverage.")
    @APIResponse(responseCode = "200", description = "The chart", content = {
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/svg+xml", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "Invalid area, years, format or measure (INVALID_AREA_CODE, VALIDATION_FAILED, INVALID_YEAR_RANGE, YEAR_RANGE_TOO_WIDE, INVALID_FORMAT, INVALID_MEASURE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Area outside your token, whether it exists or not (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown area, or no Puskesmas registered in it (REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND, NO_PUSKESMAS_IN_AREA)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response chart(@Parameter(required = true, example = "73.18") @QueryParam("area") @NotNull String area,
            @Parameter(required = true, example = "2024") @QueryParam("fromYear") @NotNull @Min(2015) @Max(2035) Integer fromYear,
            @Parameter(required = true, example = "2025") @QueryParam("toYear") @NotNull @Min(2015) @Max(2035) Integer toYear,
            @Parameter(description = "png or svg", example = "svg", schema = @Schema(enumeration = { "png",
                    "svg" })) @QueryParam("format") @DefaultValue("png") String format,
            @Parameter(description = "index, penerima or coverage", example = "index", schema = @Schema(enumeration = { "index",
                    "penerima", "coverage" })) @QueryParam("measure") @DefaultValue("index") String measure) {
        ChartFormat f = ChartFormat.parse(format);
        if (f == null) {
            throw ApiException.badRequest("INVALID_FORMAT", "format must be png or svg, not '" + format + "'.");
        }
        String m = measure.strip().toLowerCase(Locale.ROOT);
        if (!List.of("index", "penerima", "coverage").contains(m)) {
            throw ApiException.badRequest("INVALID_MEASURE",
                    "measure must be index, penerima or coverage, not '" + measure + "'.");
        }
        String code = AreaCodeParam.normalize(area);
        AreaAccess.require(scope, code);
        Trends t = comparisons.trends(code, fromYear, toYear);
        byte[] image = ChartRenderer.render(chart(t, m), f);
        return Response.ok(image, f.mediaType()).build();
    }

    static LineChart chart(Trends t, String measure) {
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        for (Trends.Series s : t.services()) {
            List<BigDecimal> values = new ArrayList<>();
            for (Trends.Point p : s.points()) {
                values.add(switch (measure) {
                    case "penerima" -> p.penerimaPercent();
                    case "coverage" -> p.coveragePercent();
                    default -> p.index();
                });
            }
            series.put(s.service(), values);
        }
        if (measure.equals("index")) {
            series.put("SECTOR", t.sector().stream().map(Trends.Point::index).toList());
        }
        String label = switch (measure) {
            case "penerima" -> "%IP penerima";
            case "coverage" -> "Coverage %";
            default -> "IPSPM";
        };
        String years = t.fromYear() == t.toYear() ? "" + t.fromYear() : t.fromYear() + "–" + t.toYear();
        return new LineChart(label + " — " + (t.areaName() == null ? t.area() : t.areaName()) + ", " + years
                + " (cumulative quarters)", "Period", label, t.periods(), series,
                measure.equals("coverage") ? null : BigDecimal.ZERO, measure.equals("coverage") ? null
                        : BigDecimal.valueOf(100));
    }
}
