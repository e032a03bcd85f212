package id.spm.api.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import id.spm.api.error.ApiException;
import id.spm.api.error.Problem;
import id.spm.api.export.CsvTable;
import id.spm.api.export.Table;
import id.spm.api.export.XlsxTable;
import id.spm.api.imports.BludValuesUpload;
import id.spm.api.model.BludAchievement;
import id.spm.api.model.BludCatalog;
import id.spm.api.model.BludUpload;
import id.spm.api.model.BludValues;
import id.spm.api.model.BludValues.BludValueItem;
import id.spm.api.service.BludAchievementService;
import id.spm.api.service.BludCatalogService;

/** Regional BLUD Puskesmas catalogs (issue 12): each regent's own SPM, its values and achievements. */
@Path("/api/v1/catalogs")
@Tag(name = "BLUD catalogs", description = "Each regent's own SPM for BLUD Puskesmas (Perbup): indicators with yearly targets, typed values, achievements")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    static final String INDICATOR_EXAMPLE = """
            {"code":"1.b.7","name":"Waktu penyelesaian pelayanan laboratorium","kind":"PROCESS","unit":"MINUTES","direction":"AT_MOST",
            "targets":{"2014":120,"2015":120,"2016":120,"2017":120,"2018":120,"2019":120},"method":"SURVEY",
            "source":"Lampiran Perbup Magelang 4/2015, no. 1.b.7"}""";
    static final String COMPUTED_EXAMPLE = """
            {"code":"B.7.P","name":"Persentase usia lanjut yang mendapatkan pelayanan kesehatan sesuai standar","kind":"OUTPUT",
            "unit":"PERCENT","direction":"AT_LEAST","targets":{"2025":80},"method":"COMPUTED",
            "computed":{"service":"1.02.02.2.02.0007","figure":"COVERAGE_PERCENT"},
            "source":"Lampiran Perbup Tana Toraja 61/2025, BAB III.B Tabel 2, no. 7"}""";
    static final String CATALOG_EXAMPLE = "{\"id\":\"magelang-perbup-4-2015\",\"regulation\":\"Peraturan Bupati Magelang Nomor 4 Tahun 2015 "
            + "tentang Standar Pelayanan Minimal pada Puskesmas di Kabupaten Magelang\",\"region\":\"33.08\",\"origin\":\"SHIPPED\","
            + "\"indicators\":[" + INDICATOR_EXAMPLE + "]}";
    static final String CREATE_EXAMPLE = "{\"id\":\"contoh-perbup-12-2026\",\"regulation\":\"Peraturan Bupati Contoh Nomor 12 Tahun 2026\","
            + "\"region\":\"73.18\",\"indicators\":[" + INDICATOR_EXAMPLE + "," + COMPUTED_EXAMPLE + "]}";
    static final String VALUES_EXAMPLE = """
            {"catalog":"magelang-perbup-4-2015","puskesmas":"P3308010101","year":2016,"values":[
            {"indicator":"1.b.7","value":95,"note":"Survei 120 kunjungan","updatedBy":"pkm-salaman","updatedAt":"2016-12-20T09:00:00+07:00"},
            {"indicator":"1.c","value":76.5,"updatedBy":"pkm-salaman","updatedAt":"2016-12-20T09:00:00+07:00"}]}""";
    static final String ACHIEVEMENT_EXAMPLE = """
            {"catalog":"magelang-perbup-4-2015","area":"33.08","areaName":"Kabupaten Magelang","level":"DISTRICT","year":2016,
            "indicators":[{"code":"1.b.7","name":"Waktu penyelesaian pelayanan laboratorium","unit":"MINUTES","direction":"AT_MOST",
            "method":"SURVEY","target":120,"value":null,"met":null,
            "reason":"typed per Puskesmas: see the roll-up (percentages, times and rates of Puskesmas are not added into a district value)",
            "rollup":{"puskesmas":29,"withValue":21,"met":17,"notMet":4}}],
            "puskesmas":[{"code":"P3308010101","name":"Puskesmas Salaman I","indicators":[{"code":"1.b.7","target":120,"value":95,"met":true}]}]}""";
    static final String VALUES_PROBLEM_EXAMPLE = """
            {"type":"https://spm-kesehatan.id/problems/catalog-values-invalid","title":"Invalid request","status":400,
            "detail":"2 of 3 values are invalid; nothing was stored.","instance":"/api/v1/catalogs/magelang-perbup-4-2015/values/P3308010101/2016",
            "code":"CATALOG_VALUES_INVALID","errors":[{"index":1,"indicator":"1.c","reason":"a percentage cannot exceed 100 (indicator 1.c is in %)"},
            {"index":2,"indicator":"9.z","reason":"the catalog has no indicator 9.z"}]}""";

    private final BludCatalogService catalogs;
    private final BludAchievementService achievements;
    private final BludValuesUpload upload;

    public CatalogResource(BludCatalogService catalogs, BludAchievementService achievements, BludValuesUpload upload) {
        this.upload = upload;
        this.catalogs = catalogs;
        this.achievements = achievements;
    }

    @GET
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "listCatalogs", summary = "The BLUD catalogs of your regions", description = "Every catalog whose region overlaps your areas (the region, or an area or Puskesmas within it), shipped or created through the API.")
    @APIResponse(responseCode = "200", description = "Catalogs with their indicators", content = @Content(schema = @Schema(implementation = BludCatalog.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "list", value = "["
            + CATALOG_EXAMPLE + "]")))
    public List<BludCatalog> list() {
        return catalogs.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "getCatalog", summary = "One BLUD catalog: regulation, region, indicators with their targets per year")
    @APIResponse(responseCode = "200", description = "The catalog", content = @Content(schema = @Schema(implementation = BludCatalog.class), examples = @ExampleObject(name = "magelang", value = CATALOG_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The catalog's region is outside your areas (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such catalog (CATALOG_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BludCatalog get(@Parameter(example = "magelang-perbup-4-2015") @PathParam("id") String id) {
        return catalogs.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(operationId = "createCatalog", summary = "Create a BLUD catalog for your region (admin)", description = "Validated whole: id pattern, a kab/kota region within your areas, unique indicator codes, kind, unit, direction and method, target years 2000–2100 with values possible in the unit, and for COMPUTED indicators the service and figure (NUMERATOR in COUNT, the others in PERCENT). Every problem is located (indicators[3].targets.2019).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BludCatalog.class), examples = @ExampleObject(name = "catalog", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = BludCatalog.class), examples = @ExampleObject(name = "created", value = CATALOG_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid catalog, every problem located (CATALOG_INVALID, INVALID_REGION_CODE, VALIDATION_FAILED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The region is outside your areas (AREA_FORBIDDEN), or you are not an admin (ROLE_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The id is taken (CATALOG_EXISTS)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(BludCatalog body) {
        BludCatalog c = catalogs.create(body);
        return Response.created(URI.create("/api/v1/catalogs/" + c.id())).entity(c).build();
    }

    @PUT
    @Path("/{id}/values/{puskesmas}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "putCatalogValues", summary = "Set a Puskesmas' typed values (SURVEY, LOG) for a year", description = "Replaces the Puskesmas' values of that year with the list, all or nothing. Each item is checked: a known indicator, not COMPUTED (those come from the service achievements), a target for the year, a value possible in the unit (≤ 100 for %, whole for counts, never negative), a note of at most 500 characters, no indicator twice. A % or per-100,000 value may be sent as numerator and denominator (the register's counts) instead of value: the value is numerator ÷ denominator × 100 or × 100,000, rounded half up to 2 places, and both counts are kept. Every bad item is located by index and indicator.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BludValueItem.class, type = SchemaType.ARRAY), examples = @ExampleObject(name = "values", value = """
            [{"indicator":"1.b.7","value":95,"note":"Survei 120 kunjungan"},{"indicator":"1.c","value":76.5}]""")))
    @APIResponse(responseCode = "200", description = "The stored values of the Puskesmas and year", content = @Content(schema = @Schema(implementation = BludValues.class), examples = @ExampleObject(name = "stored", value = VALUES_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Located errors of the items (CATALOG_VALUES_INVALID), or a Puskesmas outside the catalog's region (PUSKESMAS_OUTSIDE_CATALOG, NOT_A_PUSKESMAS)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = BludValues.BludValuesProblem.class), examples = @ExampleObject(name = "located", value = VALUES_PROBLEM_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The catalog or the Puskesmas is outside your areas (AREA_FORBIDDEN): 403 comes before 404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such catalog or Puskesmas (CATALOG_NOT_FOUND, PUSKESMAS_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BludValues putValues(@Parameter(example = "magelang-perbup-4-2015") @PathParam("id") String id,
            @Parameter(example = "P3308010101") @PathParam("puskesmas") String puskesmas,
            @Parameter(example = "2016") @PathParam("year") @Min(2000) @Max(2100) int year,
            @NotNull List<BludValueItem> body) {
        return catalogs.putValues(id, puskesmas, year, body);
    }

    @POST
    @Path("/{id}/values")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "uploadCatalogValues", summary = "Upload typed values from a file (survey results, registers; xlsx or csv)", description = """
            Read at once with the import machinery (spm-ingest's readers and cell parser) and the data layout             `blud-capaian` (columns Kode Puskesmas, Tahun, Kode Indikator, Nilai, optional Keterangan and Katalog; one row             per Puskesmas, year and indicator). Each row passes the same checks as PUT …/values plus the layout's cell             checks and your areas. Every rejected cell is located as in import jobs (sheet, row, column, header, value,             reason). All or nothing: when any row is rejected nothing is stored (refusalCode ROWS_REJECTED); otherwise             each value is stored, replacing that Puskesmas, year and indicator's earlier value (indicators the file does             not hold are kept).""")
    @APIResponse(responseCode = "200", description = "The upload's counts and located errors", content = @Content(schema = @Schema(implementation = BludUpload.class), examples = {
            @ExampleObject(name = "stored", value = """
                    {"catalog":"magelang-perbup-4-2015","fileName":"survei-2016.csv","layout":"blud-capaian","rowsRead":2,"rowsAccepted":2,
                    "rowsRejected":0,"stored":2,"errors":[]}"""),
            @ExampleObject(name = "rejected", value = """
                    {"catalog":"magelang-perbup-4-2015","fileName":"survei-2016.csv","layout":"blud-capaian","rowsRead":2,"rowsAccepted":1,
                    "rowsRejected":1,"stored":0,"refusalCode":"ROWS_REJECTED","errors":[{"code":"OUT_OF_RANGE",
                    "title":"A number outside the accepted range","count":1,"errors":[{"code":"OUT_OF_RANGE","sheet":"survei-2016.csv",
                    "row":3,"column":"D","header":"Nilai","value":"104","reason":"a percentage cannot exceed 100 (indicator 1.c is in %)"}]}]}""") }))
    @APIResponse(responseCode = "400", description = "No file, or a file refused whole (FILE_REQUIRED, NO_HEADER, LAYOUT_MISMATCH, …)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The catalog is outside your areas (AREA_FORBIDDEN), or you are not an importer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such catalog (CATALOG_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BludUpload upload(@Parameter(example = "magelang-perbup-4-2015") @PathParam("id") String id,
            @Parameter(description = "The file, .xlsx or .csv, in layout blud-capaian") @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("FILE_REQUIRED", "Send the file as the multipart form field 'file'.");
        }
        return upload.upload(id, file.uploadedFile(), file.fileName());
    }

    @GET
    @Path("/{id}/achievements/export")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "exportCatalogAchievements", summary = "A catalog's achievement as xlsx or csv (the shared table exporter)", description = "The same figures as getCatalogAchievements, one row per indicator (target, value, met; for a district or kecamatan how many Puskesmas have a value and met it).")
    @APIResponse(responseCode = "200", description = "The table", content = {
            @Content(mediaType = XlsxTable.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "Invalid format or area (INVALID_FORMAT, AREA_OUTSIDE_CATALOG, INVALID_AREA_CODE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The catalog or the area is outside your areas (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such catalog, region or Puskesmas (CATALOG_NOT_FOUND, REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@Parameter(example = "magelang-perbup-4-2015") @PathParam("id") String id,
            @Parameter(required = true, example = "33.08") @QueryParam("area") @NotNull String area,
            @Parameter(required = true, example = "2016") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "xlsx or csv", example = "xlsx") @QueryParam("format") @jakarta.ws.rs.DefaultValue("xlsx") String format) {
        String f = format == null ? "xlsx" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("xlsx") && !f.equals("csv")) {
            throw ApiException.badRequest("INVALID_FORMAT", "format is xlsx or csv, not '" + format + "'.");
        }
        Table t = achievements.table(id, area, year);
        String file = "Capaian-" + id + "-" + area.strip().replaceAll("[^A-Za-z0-9.]", "") + "-" + year + "." + f;
        byte[] body = f.equals("xlsx") ? XlsxTable.render(t, "Capaian") : CsvTable.render(t);
        return Response.ok(body, f.equals("xlsx") ? XlsxTable.MEDIA_TYPE : CsvTable.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @GET
    @Path("/{id}/values/{puskesmas}/{year}")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "getCatalogValues", summary = "A Puskesmas' typed values for a year")
    @APIResponse(responseCode = "200", description = "The stored values", content = @Content(schema = @Schema(implementation = BludValues.class), examples = @ExampleObject(name = "stored", value = VALUES_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The catalog or the Puskesmas is outside your areas (AREA_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such catalog or Puskesmas (CATALOG_NOT_FOUND, PUSKESMAS_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BludValues getValues(@Parameter(example = "magelang-perbup-4-2015") @PathParam("id") String id,
            @Parameter(example = "P3308010101") @PathParam("puskesmas") String puskesmas,
            @Parameter(example = "2016") @PathParam("year") @Min(2000) @Max(2100) int year) {
        return catalogs.getValues(id, puskesmas, year);
    }

    @GET
    @Path("/{id}/achievements")
    @RolesAllowed({ "viewer", "analyst", "importer", "admin" })
    @Operation(operationId = "getCatalogAchievements", summary = "A catalog's achievement for an area and year", description = "Per indicator: the target of the year, the value and met (true/false; null when there is no value or no target), judged by direction (AT_LEAST: value ≥ target; AT_MOST: value ≤ target; equal meets both). COMPUTED values are the figures of GET /api/v1/achievements for the same area and year. For a district or kecamatan: typed indicators roll up as how many Puskesmas have a value and met it (values are never averaged), and each Puskesmas' row follows.")
    @APIResponse(responseCode = "200", description = "The achievement", content = @Content(schema = @Schema(implementation = BludAchievement.class), examples = @ExampleObject(name = "district", value = ACHIEVEMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "An area outside the catalog's region or not a district, kecamatan or Puskesmas (AREA_OUTSIDE_CATALOG, PUSKESMAS_OUTSIDE_CATALOG, INVALID_AREA_CODE)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The catalog or the area is outside your areas (AREA_FORBIDDEN): 403 comes before 404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such catalog, region or Puskesmas (CATALOG_NOT_FOUND, REGION_NOT_FOUND, PUSKESMAS_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BludAchievement achievements(@Parameter(example = "magelang-perbup-4-2015") @PathParam("id") String id,
            @Parameter(required = true, example = "33.08") @QueryParam("area") @NotNull String area,
            @Parameter(required = true, example = "2016") @QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        return achievements.achievement(id, area, year);
    }
}
