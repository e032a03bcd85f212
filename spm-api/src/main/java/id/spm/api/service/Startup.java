package id.spm.api.service;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import id.spm.api.area.AreaCodeParam;
import id.spm.api.config.SpmConfig;
import id.spm.api.security.LocalTokens;
import id.spm.api.security.Roles;
import id.spm.api.security.TokenService;
import io.quarkus.runtime.StartupEvent;

/** After Flyway: the region list, the shipped BLUD catalogs, the local admin token, and the demo district when asked. */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class);

    private final RegionLoader regions;
    private final TokenService tokens;
    private final SpmConfig config;
    private final DemoLoader demo;
    private final LocalTokens local;
    private final BludCatalogService catalogs;

    public Startup(RegionLoader regions, TokenService tokens, SpmConfig config, DemoLoader demo, LocalTokens local,
            BludCatalogService catalogs) {
        this.catalogs = catalogs;
        this.regions = regions;
        this.tokens = tokens;
        this.config = config;
        this.demo = demo;
        this.local = local;
    }

    void onStart(@Observes StartupEvent event) {
        regions.loadIfEmpty();
        // The shipped BLUD catalogs (issue 12), after the region list they refer to; idempotent.
        catalogs.loadShipped();
        if (local.logAdminToken()) {
            // A token only: it carries no person data. Valid for a day; mint others at /api/v1/dev/tokens.
            String token = tokens.mint("local-admin", List.of(AreaCodeParam.NATIONAL),
                    Set.of(Roles.ADMIN, Roles.ANALYST, Roles.IMPORTER, Roles.VIEWER), Duration.ofDays(1));
            LOG.infof("Local admin token (paste into Swagger UI \"Authorize\" at /q/swagger-ui):%n%s", token);
        }
        if (config.demo().load()) {
            demo.loadIfEmpty();
        }
    }
}
