package id.spm.api.rest;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.info.License;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the annotations cannot say about the served {@code /q/openapi}, so that client generators and
 * linters accept it as it is (issue 15): the licence's SPDX {@code identifier}, a {@code servers} entry
 * (relative: the host that serves the document), an explicit {@code security: []} on every operation
 * that needs no token (Quarkus adds the bearer requirement to the secured ones), and the multipart
 * {@code file} part of every upload marked required. Registered with
 * {@code mp.openapi.filter}; {@code OpenApiContractTest} keeps the result honest.
 */
public class OpenApiDocumentFilter implements OASFilter {

    static final String LICENSE_ID = "Apache-2.0";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null) {
            License license = openAPI.getInfo().getLicense();
            if (license == null) {
                license = OASFactory.createLicense().name("Apache 2.0");
                openAPI.getInfo().setLicense(license);
            }
            // OpenAPI 3.1: identifier and url are mutually exclusive.
            license.setUrl(null);
            license.setIdentifier(LICENSE_ID);
        }
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                    .description("This service: the scheme, host and port that served this document"))));
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation operation : item.getOperations().values()) {
                    if (operation.getSecurity() == null) {
                        operation.setSecurity(new ArrayList<>());
                    }
                    requireFilePart(operation);
                }
            }
        }
    }

    /** An upload without its file is refused (FILE_REQUIRED): the multipart {@code file} part is required. */
    private static void requireFilePart(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType multipart = operation.getRequestBody().getContent().getMediaType("multipart/form-data");
        Schema schema = multipart == null ? null : multipart.getSchema();
        if (schema != null && schema.getProperties() != null && schema.getProperties().containsKey("file")
                && (schema.getRequired() == null || !schema.getRequired().contains("file"))) {
            schema.addRequired("file");
        }
    }
}
