package id.spm.api.rest;

import java.util.function.Supplier;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Work that may block (JDBC, a computation), from a resource method that runs on the event loop (issue 13's cached
 * {@code GET /achievements}, which answers from memory there and comes here only otherwise): run on a Vert.x worker
 * thread of the request's context, with the request's CDI context (the caller's token and scope, the Hibernate
 * session) active, as a {@code @Blocking} method would run.
 */
final class OnWorker {

    private OnWorker() {
    }

    static <T> Uni<T> call(Supplier<T> work) {
        Context vertx = Vertx.currentContext();
        if (vertx == null || !Context.isOnEventLoopThread()) {
            // Already off the event loop (a worker or a test's thread): block here.
            return Uni.createFrom().item(work);
        }
        ManagedContext requestContext = Arc.container().requestContext();
        InjectableContext.ContextState state = requestContext.getState();
        return Uni.createFrom().emitter(emitter -> vertx.<T> executeBlocking(() -> {
            boolean activated = !requestContext.isActive();
            if (activated) {
                requestContext.activate(state);
            }
            try {
                return work.get();
            } finally {
                if (activated) {
                    requestContext.deactivate();
                }
            }
        }, false).onComplete(result -> {
            if (result.succeeded()) {
                emitter.complete(result.result());
            } else {
                emitter.fail(result.cause());
            }
        }));
    }
}
