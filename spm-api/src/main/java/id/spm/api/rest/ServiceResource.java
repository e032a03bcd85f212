package id.spm.api.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.spm.api.mapping.CatalogMapper;
import id.spm.api.model.ServiceCatalog;

@Path("/api/v1/services")
@Tag(name = "Services", description = "The twelve basic health services, rule sets and category schemes")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceResource {

    private static final ServiceCatalog CATALOG = CatalogMapper.catalog();

    @GET
    @PermitAll
    @Operation(operationId = "getServices", summary = "The 12 services, the rule sets with every parameter, and the category schemes", description = "Public reference data; no token needed.")
    @APIResponse(responseCode = "200", description = "The catalogue", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceCatalog.class), examples = @ExampleObject(name = "catalogue", value = """
            {"services":[{"code":"1.02.02.2.02.0001","number":1,"key":"ANTENATAL","name":"Pelayanan kesehatan ibu hamil",
            "numerator":"Ibu hamil yang persalinannya terjadi pada tahun berjalan dan mendapat pelayanan antenatal sesuai standar (K6, 2 kontak dokter dengan USG, 10T)",
            "denominator":"Sasaran ibu bersalin pada tahun yang sama","clause":"§2.1, §9.1"}],
            "ruleSets":[{"id":"PMK-6-2024","regulation":"Permenkes 6/2024","effectiveFromYear":2024,
            "parameters":[{"name":"antenatal.trimester1MaxWeek","value":"12","description":"Trimester 1 while completed weeks since HPHT ≤ this (Buku KIA)","interpretation":true}]}],
            "categorySchemes":[{"id":"BANDS-20","description":"Bands of 20 points (default)","bands":[{"label":"Tuntas Paripurna","minIndex":100},{"label":"Tuntas Utama","minIndex":80}]}]}
            """)))
    public ServiceCatalog services() {
        return CATALOG;
    }
}
