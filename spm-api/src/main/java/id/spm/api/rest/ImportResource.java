package id.spm.api.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import id.spm.api.error.ApiException;
import id.spm.api.error.Problem;
import id.spm.api.imports.ImportService;
import id.spm.api.model.ImportJob;
import id.spm.api.security.CallerScope;

@Path("/api/v1/imports")
@Tag(name = "Imports", description = "ASIK and e-Kohort exports in: validated, atomic, idempotent, replacing by scope")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    static final String JOB_EXAMPLE = """
            {"id":42,"phase":"DONE","fileName":"anc-2025-q1.xlsx","fileBytes":182344,"contentHash":"9f2c…","layout":"ekohort-anc",
            "dryRun":false,"allOrNothing":false,"createdBy":"pkm-salupputti","createdAt":"2025-04-05T02:00:01Z",
            "progress":{"bytesRead":1048576,"bytesTotal":1048576,"rowsRead":1250},
            "scope":[{"table":"service_event","code":"P7318010101","layout":"ekohort-anc","from":"2025-01-01","to":"2025-03-31"}],
            "summary":{"rowsRead":1250,"rowsAccepted":1248,"rowsRejected":2,"created":1200,"updated":40,"unchanged":8,"removed":3,
            "persons":410,"warnings":["1 column(s) not in layout 'ekohort-anc' were ignored."],"unknownColumns":["Catatan (Q)"],
            "errors":[{"code":"INVALID_DATE","title":"Not a date, or a date that does not exist","count":1,"errors":[{"code":"INVALID_DATE",
            "sheet":"Kohort Ibu","row":17,"column":"G","header":"Tgl Kunjungan","value":"31/02/2025","reason":"31 February 2025 does not exist."}]},
            {"code":"NIK_INVALID","title":"A NIK that is not 16 digits","count":1,"errors":[{"code":"NIK_INVALID","sheet":"Kohort Ibu","row":30,
            "column":"A","header":"NIK Ibu","value":"7318****","reason":"A NIK has 16 digits; this one has 15."}]}],
            "removals":[{"table":"service_event","code":"P7318010101","layout":"ekohort-anc","year":2025,"rows":3}],
            "removedSample":[{"table":"service_event","code":"P7318010101","layout":"ekohort-anc","eventType":"AncVisit","date":"2025-02-11","naturalKey":"2025-02-11|K2"}]}}""";

    private final ImportService imports;
    private final CallerScope caller;

    public ImportResource(ImportService imports, CallerScope caller) {
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "submitImport", summary = "Upload an export (xlsx or csv) as an import job", description = """
            Answers at once with the job (202, Location: the job); follow it with GET. Every accepted row of the file is \
            committed in one transaction or none is; `allOrNothing=true` refuses the file when any row is rejected. \
            The file replaces what its scope held (per Puskesmas and layout, the months its dates span; see the README). \
            `dryRun=true` stores nothing and shows what would be created, updated and removed, and how the numerators \
            of the affected Puskesmas and district would change. The same file again (same content) or the same \
            `Idempotency-Key` returns the earlier job (200) and changes nothing, while the Puskesmas registry, the region \
            list, the layouts and your areas are as they were and the job did not fail; otherwise the file is imported \
            again and the summary's warnings say why. When every worker is busy and the queue is full the answer is \
            503 with Retry-After. Every row's Puskesmas or area must be \
            within your token's areas.""")
    @APIResponse(responseCode = "202", description = "Job created", content = @Content(schema = @Schema(implementation = ImportJob.class), examples = @ExampleObject(name = "queued", value = "{\"id\":42,\"phase\":\"QUEUED\",\"fileName\":\"anc-2025-q1.xlsx\",\"fileBytes\":182344,\"dryRun\":false,\"allOrNothing\":false,\"progress\":{\"bytesRead\":0,\"bytesTotal\":182344,\"rowsRead\":0}}")))
    @APIResponse(responseCode = "200", description = "The earlier job of the same file or Idempotency-Key; nothing new was started", content = @Content(schema = @Schema(implementation = ImportJob.class), examples = @ExampleObject(name = "earlier", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No file, or an unknown layout (FILE_REQUIRED, UNKNOWN_LAYOUT, INVALID_IDEMPOTENCY_KEY)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an importer (ROLE_FORBIDDEN)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for another file (IDEMPOTENCY_KEY_REUSED)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Every worker is busy and the queue is full (IMPORT_QUEUE_FULL); nothing was kept: upload again after Retry-After seconds", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(
            @Parameter(description = "The export, .xlsx or .csv") @RestForm("file") FileUpload file,
            @Parameter(description = "Layout to claim; detected from the header when absent", example = "ekohort-anc") @RestForm("layout") String layout,
            @Parameter(description = "Validate and preview only; store nothing") @RestForm("dryRun") @DefaultValue("false") boolean dryRun,
            @Parameter(description = "Refuse the whole file when any row is rejected") @RestForm("allOrNothing") @DefaultValue("false") boolean allOrNothing,
            @Parameter(description = "Retries with the same key return the first job", example = "9f2c…-q1") @RestHeader("Idempotency-Key") String idempotencyKey) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.badRequest("FILE_REQUIRED", "Send the export as the multipart form field 'file'.");
        }
        ImportService.Submitted s;
        try {
            s = imports.submit(new ImportService.Upload(file.uploadedFile(), file.fileName(), layout, dryRun,
                    allOrNothing, idempotencyKey), caller);
        } catch (ImportService.QueueFull e) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", e.retryAfterSeconds())
                    .type(Problem.MEDIA_TYPE).entity(new Problem("https://spm-kesehatan.id/problems/import-queue-full",
                            "Import queue full", 503, e.getMessage(), "/api/v1/imports", "IMPORT_QUEUE_FULL", List.of()))
                    .build();
        }
        return Response.status(s.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(URI.create("/api/v1/imports/" + s.job().id())).entity(s.job()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "getImport", summary = "An import job: phase, progress and, when it has ended, the summary")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = ImportJob.class), examples = @ExampleObject(name = "done", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such job of yours (IMPORT_NOT_FOUND)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportJob get(@Parameter(example = "42") @PathParam("id") long id) {
        return imports.get(id, caller);
    }

    @GET
    @RolesAllowed({ "importer", "admin" })
    @Operation(operationId = "listImports", summary = "Your import jobs, newest first (an admin sees everyone's)")
    @APIResponse(responseCode = "200", description = "Jobs", content = @Content(schema = @Schema(implementation = ImportJob.class, type = SchemaType.ARRAY)))
    public List<ImportJob> list(
            @Parameter(description = "Most jobs returned", example = "50") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return imports.list(caller, limit);
    }
}
