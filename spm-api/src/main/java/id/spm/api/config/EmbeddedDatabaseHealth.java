package id.spm.api.config;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Readiness of the embedded PostgreSQL this service started: DOWN, with the reason, while it is being
 * restarted after it stopped under the service. Absent an embedded server (an external database is its
 * operator's), only the datasource check reports on the database.
 */
@Readiness
@ApplicationScoped
public class EmbeddedDatabaseHealth implements HealthCheck {

    void onStart(@Observes @Priority(1) StartupEvent event) {
        EmbeddedDatabase.applicationRunning(true);
    }

    /** After every other shutdown observer (ending this instance's import jobs): the database may stop now. */
    void onStop(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedDatabase.applicationRunning(false);
    }

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
