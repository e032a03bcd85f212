package id.spm.api.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.error.ApiException;
import id.spm.api.error.Problem;
import id.spm.api.model.Laporan;
import id.spm.api.report.FormDocument;
import id.spm.api.report.ReportFormService;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.api.service.LaporanDocument;
import id.spm.api.service.LaporanService;
import id.spm.rules.Period;

@Path("/api/v1/reports/laporan")
@Tag(name = "Reports", description = "The Permendagri 59/2021 health forms, the report tables, the e-SPM entry sheet and the Laporan Penerapan SPM, filled from the achievements computation; their typed inputs")
public class LaporanResource {

    static final String PDF = "application/pdf";

    static final String LAPORAN_EXAMPLE = """
            {"title":"LAPORAN PENERAPAN STANDAR PELAYANAN MINIMAL BIDANG KESEHATAN","area":"73.18",
            "areaName":"Kabupaten Tana Toraja","level":"DISTRICT","year":2025,"period":"2025","kind":"TAHUNAN",
            "ruleSet":"PMK-6-2024","categoryScheme":{"id":"BANDS-20","description":"Bands of 20 points (default)",
            "bands":[{"label":"Tuntas Paripurna","minIndex":100},{"label":"Tuntas Utama","minIndex":80}],"verified":false,
            "note":"Batas kategori belum diverifikasi terhadap Lampiran Permendagri 59/2021 (reports.md §7)."},
            "dataVersion":17,"computedAt":"2026-01-05T08:15:00+08:00",
            "summary":{"services":12,"computable":12,"atTarget":2,"sectorIndex":71.36,"sectorCategory":"Tuntas Madya",
            "sentence":"Dari 12 jenis pelayanan dasar, 2 jenis telah mencapai target 100 % penerima layanan dasar dan 10 jenis belum mencapai target.",
            "ipspmText":["Indeks Pencapaian SPM (IPSPM) adalah nilai capaian SPM ..."]},
            "services":[{"number":1,"serviceCode":"1.02.02.2.02.0001","name":"Pelayanan kesehatan ibu hamil","sasaran":4820,
            "sasaranStatus":"AVAILABLE","sasaranProvenance":"own sasaran 4820 (Proyeksi BPS)","sasaranSources":["BPS_PROJECTION"],
            "realisasi":3571,"belumTerlayani":1249,"targetPercent":100,"coveragePercent":74.09,"penerimaPercent":74.09,
            "qualityPercent":62.50,"mutuStatus":"PROVIDED","index":71.77,"category":"Tuntas Madya","reasons":[]}],
            "quarters":[{"period":"2025-Q1","quarter":1,"sectorIndex":30.12,"sectorCategory":"Tuntas Pratama","atTarget":0,
            "dataVersion":17,"source":"COMPUTED","services":[{"serviceCode":"1.02.02.2.02.0001","coveragePercent":21.40,"index":37.12}]}],
            "permasalahan":[{"serviceCode":"1.02.02.2.02.0001","name":"Pelayanan kesehatan ibu hamil","targetPercent":100,
            "realisasiPercent":74.09,"permasalahan":[],"solusi":[],"filled":false}],
            "anggaran":[],"typed":{"budget":[],"kendala":[],"programs":[],"stages":[]},
            "sections":[{"id":"II.5","title":"Alokasi Anggaran dan Sumber Dana","content":"TYPED","filled":false,
            "input":"anggaran: alokasi, realisasi dan sumber dana per jenis pelayanan (layout 'anggaran', form 2.D.2 kolom 7-8)","forms":"2.D.2"}]}""";

    private final LaporanService laporan;
    private final LaporanDocument document;
    private final CallerScope scope;

    private final ReportFormService forms;

    public LaporanResource(LaporanService laporan, LaporanDocument document, CallerScope scope,
            ReportFormService forms) {
        this.forms = forms;
        this.laporan = laporan;
        this.document = document;
        this.scope = scope;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, PDF })
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "getLaporanPenerapanSpm", summary = "The Laporan Penerapan SPM of an area for a year or a quarter (JSON, HTML or PDF)", description = """
            The outline of the Laporan Penerapan SPM (Permendagri 59/2021; reports.md §5.4; the quarterly version has \
            the sections of the e-SPM quarter): the 12 services with sasaran and its provenance, realisation, \
            % penerima, % mutu, IPSPM and category, the sector index, how many services reached 100 %, quarter by \
            quarter (cumulative from January), the services below target as permasalahan rows, and charts. Every \
            figure is the achievements computation's (equal to GET /achievements for the same area and period). \
            Typed parts (budget, narrative, permasalahan/solusi, program/kegiatan, stages) show as 'belum diisi' \
            with the input that fills them until entered. format=pdf gives an A4 PDF whose every page footnotes the \
            rule set, the category scheme (bands unverified), the data version and the computation time. \
            submission=ID renders a frozen submission's figures (reproducible).""")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "The ETag of a report read before: 304 Not Modified while its figures, inputs and submission are unchanged", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The report", headers = {
            @Header(name = "ETag", description = "Changes with the area's data versions (year and each quarter shown), rule set, submission, typed inputs and format", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Content-Disposition", description = "For pdf and html: the file name, e.g. laporan-spm-73.18-2025.pdf", schema = @Schema(type = SchemaType.STRING)) }, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Laporan.class), examples = @ExampleObject(name = "annual", value = LAPORAN_EXAMPLE)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, description = "XHTML with the charts embedded as PNG data URIs")),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary", description = "A4 PDF")) })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match; nothing was computed or rendered", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid area, period or format (INVALID_AREA_CODE, VALIDATION_FAILED, INVALID_PARAMETER, INVALID_FORMAT, AREA_TOO_WIDE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Area outside your token, whether it exists or not (AREA_FORBIDDEN): 403 comes before 404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Within your areas: unknown area or Puskesmas, none registered in it, or no such frozen submission of this area and period (REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND, NO_PUSKESMAS_IN_AREA, SUBMISSION_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response laporan(@Parameter(required = true, example = "73.18") @QueryParam("area") @NotNull String area,
            @Parameter(required = true, example = "2025") @QueryParam("year") @NotNull @Min(2015) @Max(2035) Integer year,
            @Parameter(description = "1–4: the quarterly report (cumulative from January); absent for the annual report", example = "2") @QueryParam("quarter") @Min(1) @Max(4) Integer quarter,
            @Parameter(description = "json (default), html or pdf", example = "pdf", schema = @Schema(enumeration = {
                    "json", "html", "pdf" }, defaultValue = "json")) @QueryParam("format") @DefaultValue("json") String format,
            @Parameter(description = "The id of a frozen submission of this district and period: render its figures", example = "7") @QueryParam("submission") @Min(1) Long submission,
            @Context Request request) {
        String fmt = format.toLowerCase(java.util.Locale.ROOT);
        if (!fmt.equals("json") && !fmt.equals("html") && !fmt.equals("pdf")) {
            throw ApiException.badRequest("INVALID_FORMAT", "format must be json, html or pdf, not '" + format + "'.");
        }
        String code = AreaCodeParam.normalize(area);
        AreaAccess.require(scope, code);
        Period period = quarter == null ? Period.ofYear(year) : Period.ofQuarter(year, quarter);
        String file = "laporan-spm-" + code + "-" + period.label() + (submission == null ? ""
                : "-submission-"
                        + submission)
                + "." + fmt;
        Response r = ConditionalGet.respond(request, laporan.tag(code, period, submission, fmt), () -> {
            Laporan l = laporan.laporan(code, period, submission);
            return switch (fmt) {
                case "pdf" -> document.pdf(l, printedForms(code, period, submission));
                case "html" -> document.html(l, printedForms(code, period, submission)).getBytes(StandardCharsets.UTF_8);
                default -> l;
            };
        });
        String type = switch (fmt) {
            case "pdf" -> PDF;
            case "html" -> MediaType.TEXT_HTML + ";charset=UTF-8";
            default -> MediaType.APPLICATION_JSON;
        };
        Response.ResponseBuilder b = Response.fromResponse(r).type(type);
        if (!fmt.equals("json")) {
            b.header("Content-Disposition", (fmt.equals("pdf") ? "attachment" : "inline") + "; filename=\"" + file
                    + "\"");
        }
        return b.build();
    }

    /**
     * The forms printed in the annual report's II.4 and LAMPIRAN: the forms endpoint's own tables for the same area,
     * period and (frozen or today's) figures.
     */
    private List<LaporanDocument.Appendix> printedForms(String area, Period period, Long submission) {
        if (!period.isYear()) {
            return List.of();
        }
        List<LaporanDocument.Appendix> out = new ArrayList<>();
        for (String form : Stream.concat(LaporanDocument.MUTU_FORMS.stream(), LaporanDocument.APPENDIX_FORMS.stream())
                .toList()) {
            FormDocument d = forms.render(form, area, period, submission == null);
            out.add(new LaporanDocument.Appendix(d.form(), d.name(), d.table()));
        }
        return out;
    }
}
