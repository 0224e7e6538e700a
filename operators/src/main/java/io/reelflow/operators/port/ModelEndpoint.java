package io.reelflow.operators.port;

import java.io.Serializable;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One model server the job may send work to.
 *
 * @param name a short name for logs and metrics, unique in the job
 * @param baseUri the server's base URI, e.g. {@code http://localhost:8000}
 * @param protocol the adapter that speaks to it, e.g. {@code openai-videos}, {@code
 *     openai-videos-multipart}, {@code openai-images}, {@code comfyui}
 * @param slots jobs the server runs at once (a diffusion server often runs one)
 * @param options adapter settings (token source, workflow template, …); never the token itself
 */
public record ModelEndpoint(
        String name, URI baseUri, String protocol, int slots, Map<String, String> options)
        implements Serializable {

    public ModelEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(protocol, "protocol");
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be positive, was " + slots);
        }
        options = Map.copyOf(options);
    }
}
