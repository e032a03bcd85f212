package id.spm.api.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.error.ApiException;
import id.spm.api.error.Problem;
import id.spm.api.export.CsvTable;
import id.spm.api.export.XlsxTable;
import id.spm.api.imports.FormInputService;
import id.spm.api.model.FormInputResult;
import id.spm.api.report.FormDocument;
import id.spm.api.report.FormLayout;
import id.spm.api.report.ReportFormService;
import id.spm.api.security.AreaAccess;
import id.spm.api.security.CallerScope;
import id.spm.api.service.EntityTags;
import id.spm.api.service.SubmissionService;
import id.spm.rules.Period;

@Path("/api/v1/reports")
@Tag(name = "Reports", description = "The Permendagri 59/2021 health forms, the report tables, the e-SPM entry sheet and the Laporan Penerapan SPM, filled from the achievements computation; their typed inputs")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String CATALOGUE_EXAMPLE = """
            [{"code":"2.E.2","name":"Rekapitulasi Capaian Standar Pelayanan Minimal Bidang Kesehatan",
            "stage":"d. Pelaksanaan Pemenuhan Pelayanan Dasar",
            "title":"FORM 2.E.2 REKAPITULASI CAPAIAN STANDAR PELAYANAN MINIMAL BIDANG KESEHATAN {AREA_TITLE} {PERIOD_TITLE}",
            "reference":"reports.md §3.8","confidence":"inferred","inferred":"the columns are the proposal of reports.md §3.8",
            "rows":"services","columns":[{"key":"no","header":"NO","number":"(1)","type":"integer","kind":"computed","source":"row.number"},
            {"key":"index","header":"INDEKS PENCAPAIAN SPM (IPSPM)","number":"(7)","type":"percent","kind":"computed","source":"achievement.index"}],
            "totals":[{"key":"sector","cells":{"index":"sector.index"}}]}]""";

    static final String FORM_EXAMPLE = """
            {"form":"2.E.2","name":"Rekapitulasi Capaian Standar Pelayanan Minimal Bidang Kesehatan","area":"73.18",
            "areaName":"Kabupaten Tana Toraja","level":"DISTRICT","period":"2025-Q2","ruleSet":"PMK-6-2024","categoryScheme":"BANDS-20",
            "dataVersion":17,"computedAt":"2025-07-02T08:15:00+08:00","confidence":"inferred","reference":"reports.md §3.8",
            "title":["FORM 2.E.2 REKAPITULASI CAPAIAN STANDAR PELAYANAN MINIMAL BIDANG KESEHATAN DAERAH KABUPATEN TANA TORAJA TRIWULAN II TAHUN 2025"],
            "columns":[{"key":"no","header":"NO","number":"(1)","type":"INTEGER","typed":false},
            {"key":"service","header":"JENIS PELAYANAN DASAR (SPM KAB/KOTA)","number":"(2)","type":"TEXT","typed":false},
            {"key":"index","header":"INDEKS PENCAPAIAN SPM (IPSPM)","number":"(7)","type":"PERCENT","typed":false}],
            "rows":[{"serviceCode":"1.02.02.2.02.0001","no":1,"service":"Pelayanan Kesehatan Ibu Hamil","index":71.77}],
            "totals":[{"key":"sector","no":null,"service":"BIDANG KESEHATAN","index":71.36}],
            "notes":["Rule set PMK-6-2024; category scheme BANDS-20 (Bands of 20 points (default)): the IPSPM bands are unverified (reports.md §7)."]}""";

    static final String INPUT_RESULT_EXAMPLE = """
            {"layout":"anggaran","stored":true,"rowsRead":2,"rowsAccepted":2,"rowsRejected":0,"rowsReplaced":0,
            "scopes":[{"area":"73.18","year":2025,"quarter":2}]}""";

    static final String INPUT_ERRORS_EXAMPLE = """
            {"layout":"anggaran","stored":false,"rowsRead":2,"rowsAccepted":1,"rowsRejected":1,
            "errors":[{"code":"INVALID_VALUE","sheet":"anggaran","row":3,"column":"E","header":"Sumber Dana","value":"Hibah",
            "reason":"'Hibah' is not one of: APBD, DAU, PAD, DAK Fisik, DAK Non Fisik, BOK."}]}""";

    private final ReportFormService forms;
    private final FormInputService inputs;
    private final SubmissionService submissions;
    private final CallerScope scope;

    public ReportResource(ReportFormService forms, FormInputService inputs, SubmissionService submissions,
            CallerScope scope) {
        this.forms = forms;
        this.inputs = inputs;
        this.submissions = submissions;
        this.scope = scope;
    }

    @GET
    @Path("/forms")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "listReportForms", summary = "The form catalogue: every layout with its columns, sources and confidence", description = "Layouts are data files (reports.md): title template, columns with header text and column numbers, computed or typed, the source of each column, and what is inferred.")
    @APIResponse(responseCode = "200", description = "The forms, in catalogue order", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FormLayout.class), examples = @ExampleObject(name = "catalogue", value = CATALOGUE_EXAMPLE)))
    public List<FormLayout> catalogue() {
        return forms.catalogue();
    }

    @GET
    @Path("/forms/{form}")
    @Produces({ MediaType.APPLICATION_JSON, XlsxTable.MEDIA_TYPE, "text/csv" })
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "getReportForm", summary = "A form filled for an area and period: JSON, xlsx or csv", description = """
            {form} is 2.A.2, 2.A.3, 2.B.4, 2.B.5, 2.C.3, 2.C.4, 2.D.2, 2.E.2, program, target, anggaran, monitoring or \
            e-spm. Figures are those of GET /api/v1/achievements for the same area and period; typed parts come from \
            the form inputs. A district-period frozen as submitted is rendered from its frozen figures and inputs \
            (current=true: today's). format=xlsx or csv downloads the form laid out for print (title, header, column \
            numbers, rows, totals); xlsx numbers are numeric cells with Indonesian number formats, csv uses ';' and a \
            decimal comma.""")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "The ETag of a form read before: 304 while its data, inputs, rule set and submission are unchanged", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The form", headers = @Header(name = "ETag", description = "Changes with the area's data versions (inputs included), rule set, submission, form and format", schema = @Schema(type = SchemaType.STRING)), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FormDocument.class), examples = @ExampleObject(name = "2.E.2", value = FORM_EXAMPLE)),
            @Content(mediaType = XlsxTable.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid area, period or format (INVALID_AREA_CODE, VALIDATION_FAILED, INVALID_FORMAT, AREA_TOO_WIDE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Area outside your token (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown form, area or Puskesmas (UNKNOWN_FORM, REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND, NO_PUSKESMAS_IN_AREA)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response form(@Parameter(example = "2.E.2") @PathParam("form") String form,
            @Parameter(required = true, example = "73.18") @QueryParam("area") @NotNull String area,
            @Parameter(required = true, example = "2025") @QueryParam("year") @NotNull @Min(2015) @Max(2035) Integer year,
            @Parameter(description = "1–4 (cumulative from January); absent for the year", example = "2") @QueryParam("quarter") @Min(1) @Max(4) Integer quarter,
            @Parameter(description = "json (default), xlsx or csv", example = "xlsx") @QueryParam("format") @DefaultValue("json") String format,
            @Parameter(description = "Render today's figures even when the period was frozen as submitted", example = "false") @QueryParam("current") @DefaultValue("false") boolean current,
            @Context Request request) {
        String code = AreaCodeParam.normalize(area);
        AreaAccess.require(scope, code);
        FormLayout layout = forms.layout(form);
        Period period = quarter == null ? Period.ofYear(year) : Period.ofQuarter(year, quarter);
        String f = format == null ? "json" : format.strip().toLowerCase(java.util.Locale.ROOT);
        String tag = EntityTags.of("form|" + layout.code() + "|" + f + "|current=" + current + "|"
                + submissions.achievementsTag(code, period) + "|layout=" + layout.hashCode());
        String file = "Form-" + layout.code() + "-" + code + "-" + period.label();
        return switch (f) {
            case "json" -> ConditionalGet.respond(request, tag, () -> forms.render(layout.code(), code, period, current));
            case "xlsx" -> ConditionalGet.download(request, tag,
                    () -> XlsxTable.render(forms.render(layout.code(), code, period, current).table(), layout.code()),
                    XlsxTable.MEDIA_TYPE, file + ".xlsx");
            case "csv" -> ConditionalGet.download(request, tag,
                    () -> CsvTable.render(forms.render(layout.code(), code, period, current).table()),
                    CsvTable.MEDIA_TYPE, file + ".csv");
            default -> throw ApiException.badRequest("INVALID_FORMAT", "format is json, xlsx or csv, not '" + format + "'.");
        };
    }

    @GET
    @Path("/inputs")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "listFormInputLayouts", summary = "The typed-input layouts of the forms", description = "anggaran, kendala, fasyankes-sdm, kebutuhan-sdm, rencana, narasi (the Laporan's narrative sections and stages): their columns (header, field, type), for uploads and JSON rows. Stock and unit prices are typed in the mutu import layout (Jumlah Tersedia, Harga Satuan).")
    @APIResponse(responseCode = "200", description = "Layout names with their columns", content = @Content(examples = @ExampleObject(name = "layouts", value = """
            [{"name":"kendala","title":"Permasalahan dan solusi per layanan dan periode (reports.md §4.4, §9)",
            "columns":[{"field":"area","header":"Kode Wilayah","type":"AREA","required":true},
            {"field":"problems","header":"Permasalahan","type":"TEXT","required":true}]}]""")))
    public List<Map<String, Object>> inputLayouts() {
        return inputs.layouts().all().stream().map(l -> Map.<String, Object> of("name", l.name(), "title", l.title(),
                "columns", l.columns().stream().map(c -> Map.<String, Object> of("field", c.field(), "header", c.header(),
                        "type", c.type().name(), "required", c.required())).toList()))
                .toList();
    }

    @GET
    @Path("/inputs/{layout}")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "listFormInputs", summary = "The typed inputs of a layout for an area (and below) and year")
    @APIResponse(responseCode = "200", description = "Stored rows", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FormInputResult.InputRow.class), examples = @ExampleObject(name = "anggaran", value = """
            [{"area":"73.18","year":2025,"quarter":2,"values":{"service":"1.02.02.2.02.0001","fund":"DAK_NON_FISIK","allocation":656212697,"realisation":300000000}}]""")))
    @APIResponse(responseCode = "403", description = "Area outside your token (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown layout (UNKNOWN_INPUT_LAYOUT)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<FormInputResult.InputRow> listInputs(@Parameter(example = "anggaran") @PathParam("layout") String layout,
            @Parameter(required = true, example = "73.18") @QueryParam("area") @NotNull String area,
            @Parameter(required = true, example = "2025") @QueryParam("year") @NotNull @Min(2015) @Max(2035) Integer year) {
        return inputs.list(layout, area, year);
    }

    @PUT
    @Path("/inputs/{layout}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "putFormInputs", summary = "Replace the typed inputs of a layout for an area, year and quarter", description = """
            The body's rows (fields of the layout; area, year and quarter come from the query) are read by the same \
            reader as an uploaded file, so a bad row is refused with its location: row N is the body's row N − 1 \
            (row 1 is the header). Nothing is stored unless every row is clean. Bumps the district-year data version.""")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Object.class), examples = @ExampleObject(name = "anggaran", value = """
            [{"service":"1.02.02.2.02.0001","fund":"DAK Non Fisik","allocation":656212697,"realisation":300000000},
            {"service":"1.02.02.2.02.0001","fund":"JKN","allocation":120000000}]""")))
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(schema = @Schema(implementation = FormInputResult.class), examples = @ExampleObject(name = "stored", value = INPUT_RESULT_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Bad rows, each located; nothing stored", content = @Content(schema = @Schema(implementation = FormInputResult.class), examples = @ExampleObject(name = "bad row", value = INPUT_ERRORS_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Not an importer (ROLE_FORBIDDEN) or area outside your token (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown layout (UNKNOWN_INPUT_LAYOUT)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response putInputs(@Parameter(example = "anggaran") @PathParam("layout") String layout,
            @Parameter(required = true, example = "73.18") @QueryParam("area") @NotNull String area,
            @Parameter(required = true, example = "2025") @QueryParam("year") @NotNull @Min(2015) @Max(2035) Integer year,
            @Parameter(description = "1–4; absent for the year", example = "2") @QueryParam("quarter") @Min(1) @Max(4) Integer quarter,
            @NotNull List<Map<String, Object>> rows) {
        FormInputResult r = inputs.put(layout, area, year, quarter, rows);
        return Response.status(r.stored() ? 200 : 422).entity(r).build();
    }

    @POST
    @Path("/inputs/{layout}/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "importFormInputs", summary = "Upload typed inputs (xlsx or csv) in a layout", description = """
            Every row's area must be within your token (else AREA_NOT_COVERED at its cell). Nothing is stored unless \
            every row is clean; a clean file replaces the layout's rows of each area, year and quarter it holds and bumps \
            their district-year data versions.""")
    @APIResponse(responseCode = "200", description = "Stored", content = @Content(schema = @Schema(implementation = FormInputResult.class), examples = @ExampleObject(name = "stored", value = INPUT_RESULT_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Bad rows, each located, or the file refused (FILE_REFUSED); nothing stored", content = @Content(schema = @Schema(implementation = FormInputResult.class), examples = @ExampleObject(name = "bad row", value = INPUT_ERRORS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No file (FILE_REQUIRED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an importer (ROLE_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown layout (UNKNOWN_INPUT_LAYOUT)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importInputs(@Parameter(example = "kendala") @PathParam("layout") String layout,
            @Parameter(description = "The file, .xlsx or .csv") @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("FILE_REQUIRED", "Send the file as the multipart form field 'file'.");
        }
        FormInputResult r = inputs.importFile(layout, file.uploadedFile(), file.fileName());
        return Response.status(r.stored() ? 200 : 422).entity(r).build();
    }
}
