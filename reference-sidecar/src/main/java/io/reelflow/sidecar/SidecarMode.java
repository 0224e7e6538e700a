package io.reelflow.sidecar;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which protocol local mode talks to the sidecar in. The server always serves every protocol; the
 * mode only names the default one, as the {@code protocol} of a {@code ModelEndpoint}.
 */
public enum SidecarMode {
    /** OpenAI-compatible video jobs with a JSON body, as SGLang's diffusion server takes them. */
    VIDEO_JOBS("video-jobs", "openai-videos"),
    /** OpenAI-compatible video jobs with a multipart/form-data body, as vLLM-Omni takes them. */
    MULTIPART("multipart", "openai-videos-multipart"),
    /** {@code POST /v1/images/generations}: stills, answered at once. */
    IMAGES("images", "openai-images"),
    /** ComfyUI's {@code /prompt}, {@code /history}, {@code /view} and {@code /queue}. */
    COMFYUI("comfyui", "comfyui");

    private final String optionValue;
    private final String protocol;

    SidecarMode(String optionValue, String protocol) {
        this.optionValue = optionValue;
        this.protocol = protocol;
    }

    /** The value of {@code --mode}, e.g. {@code video-jobs}. */
    public String optionValue() {
        return optionValue;
    }

    /** The protocol name a client adapter is chosen by, e.g. {@code openai-videos}. */
    public String protocol() {
        return protocol;
    }

    /**
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SidecarMode parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.optionValue.equals(wanted))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "unknown mode '"
                                                + value
                                                + "'; use one of "
                                                + Arrays.stream(values())
                                                        .map(SidecarMode::optionValue)
                                                        .collect(Collectors.joining(", "))));
    }
}
