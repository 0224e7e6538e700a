package io.reelflow.sidecar;

import java.io.IOException;

/**
 * Runs the reference sidecar from the command line: {@code --port 8090 --threads 2 --queue 8
 * --latency-ms 0 --fail-first 0 --host 127.0.0.1}. A demo generator for tests and laptops, not a
 * model server.
 */
public final class ReferenceSidecar {

    private ReferenceSidecar() {}

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        SidecarOptions options;
        try {
            options = SidecarOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("reference-sidecar: " + e.getMessage());
            System.err.println(
                    "usage: reference-sidecar [--port 8090] [--threads 2] [--queue 8]"
                            + " [--latency-ms 0] [--fail-first 0] [--host 127.0.0.1]");
            System.exit(2);
            return;
        }
        ReferenceSidecarServer server = ReferenceSidecarServer.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "reference-sidecar-stop"));
        System.out.println(
                "Reference sidecar (demo generator, not a model) on "
                        + server.baseUri()
                        + " - POST /v1/generate, GET /health, GET /admin/stats, POST /admin/faults");
    }
}
