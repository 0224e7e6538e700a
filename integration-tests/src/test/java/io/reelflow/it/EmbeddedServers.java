package io.reelflow.it;

import io.reelflow.embedded.ReelflowServices;
import io.reelflow.embedded.ServicesOptions;
import io.reelflow.sidecar.ReferenceSidecarServer;
import io.reelflow.sidecar.SidecarOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers a test class shares: Kafka, PostgreSQL and S3 ({@link ReelflowServices}) and, for
 * classes that ask for one, the reference sidecar as the model server. Register it on a static
 * field with {@code @RegisterExtension}; each test then takes its own slice of the servers with
 * {@link #stack(String)}.
 *
 * <p>The servers start before the class's {@code @BeforeAll} methods, services first, and stop
 * after its {@code @AfterAll} methods, the sidecar first, so a class can start something that uses
 * them (a cluster) and close it before they go.
 */
final class EmbeddedServers implements BeforeAllCallback, AfterAllCallback {
    private final SidecarOptions sidecarOptions;
    private ReelflowServices services;
    private ReferenceSidecarServer sidecar;

    private EmbeddedServers(SidecarOptions sidecarOptions) {
        this.sidecarOptions = sidecarOptions;
    }

    /** The services and a reference sidecar started with {@code options}. */
    static EmbeddedServers withSidecar(SidecarOptions options) {
        return new EmbeddedServers(options);
    }

    /** The services alone, for classes whose jobs ask no model server. */
    static EmbeddedServers withoutSidecar() {
        return new EmbeddedServers(null);
    }

    ReelflowServices services() {
        if (services == null) {
            throw new IllegalStateException("the services are not running");
        }
        return services;
    }

    /** A slice of the servers of the test's own, named {@code name}: see {@link ReelflowStack}. */
    ReelflowStack stack(String name) {
        return new ReelflowStack(services(), name);
    }

    ReferenceSidecarServer sidecar() {
        if (sidecar == null) {
            throw new IllegalStateException(
                    sidecarOptions == null
                            ? "registered without a sidecar"
                            : "the sidecar is not running");
        }
        return sidecar;
    }

    /** One of the counters of the sidecar's {@code GET /stats}, e.g. {@code submissions}. */
    long sidecarCount(String name) {
        return ((Number) sidecar().stats().get(name)).longValue();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try {
            services = ReelflowServices.start(ServicesOptions.defaults());
            if (sidecarOptions != null) {
                sidecar = ReferenceSidecarServer.start(sidecarOptions);
            }
        } catch (Exception | Error e) {
            // Half-started servers must not outlive the class, whatever JUnit does next.
            try {
                stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    private void stop() throws Exception {
        // Closed in reverse order of starting, the services even when the sidecar fails to close.
        try (ReelflowServices s = services;
                ReferenceSidecarServer r = sidecar) {
            services = null;
            sidecar = null;
        }
    }
}
