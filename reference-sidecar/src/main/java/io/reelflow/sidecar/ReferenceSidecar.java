package io.reelflow.sidecar;

import java.io.IOException;

/**
 * Runs the reference sidecar from the command line (options: {@link SidecarOptions#parse}). A demo
 * generator for tests and laptops that speaks the model servers' protocols, not a model server.
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
                    "usage: reference-sidecar [--host 127.0.0.1] [--port 8090]"
                            + " [--mode video-jobs|multipart|images|comfyui] [--slots 2]"
                            + " [--queue 32] [--job-ms 0] [--fail-first 0] [--token-env NAME]"
                            + " [--image-url-ttl-s 600] [--speech-engine espeak-ng]");
            System.exit(2);
            return;
        }
        ReferenceSidecarServer server = ReferenceSidecarServer.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "reference-sidecar-stop"));
        System.out.println(
                "Reference sidecar (demo generator, not a model) on "
                        + server.baseUri()
                        + " - protocol "
                        + server.protocol()
                        + "; also /v1/videos, /v1/images/generations, ComfyUI /prompt;"
                        + " GET /health, GET /stats, POST /admin/faults");
        System.out.println(
                "Speech (POST /v1/audio/speech): " + server.speechEngine().status().description());
    }
}
