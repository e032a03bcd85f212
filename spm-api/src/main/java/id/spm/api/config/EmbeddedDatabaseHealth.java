package id.spm.api.config;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the embedded PostgreSQL this service started: DOWN, with the reason, while it is being
 * restarted after it stopped under the service. Absent an embedded server (an external database is its
 * operator's), only the datasource check reports on the database.
 */
@Readiness
@ApplicationScoped
public class EmbeddedDatabaseHealth implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("Embedded PostgreSQL");
        EmbeddedDatabase.Status s = EmbeddedDatabase.status();
        if (s == null) {
            return b.up().withData("embedded", "not started by this process").build();
        }
        b.withData("dataDir", s.dataDir()).withData("port", s.port()).withData("pid", s.pid())
                .withData("restarts", s.restarts());
        return s.down() == null ? b.up().build() : b.down().withData("reason", s.down()).build();
    }
}
