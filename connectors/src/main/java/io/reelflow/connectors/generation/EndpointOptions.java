package io.reelflow.connectors.generation;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

/**
 * The settings a {@code ModelEndpoint} carries in its {@code options} map, read by every adapter
 * ({@link GenerationClients}). Durations are ISO-8601 as the port writes them ({@code PT60S}) or
 * Flink's form ({@code 60 s}); sizes like {@code 512 mb}. The token itself is never an option: only
 * where to read it.
 */
public final class EndpointOptions {

    public static final ConfigOption<String> TOKEN_ENV =
            ConfigOptions.key("token-env")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Environment variable holding the bearer token sent as"
                                    + " 'Authorization: Bearer <token>'.");

    public static final ConfigOption<String> TOKEN_FILE =
            ConfigOptions.key("token-file")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "File holding the bearer token (a mounted secret); read at every call,"
                                    + " so a rotated secret is picked up.");

    public static final ConfigOption<Duration> CONNECT_TIMEOUT =
            ConfigOptions.key("connect-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(5))
                    .withDescription("How long to wait for a connection.");

    /**
     * The port's own key ({@code ModelEndpoint.REQUEST_TIMEOUT}), which the generation stage fills
     * in for endpoints that do not set it.
     */
    public static final ConfigOption<Duration> REQUEST_TIMEOUT =
            ConfigOptions.key("request-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(60))
                    .withDescription(
                            "How long one call (submit, poll, cancel, health) may take until the"
                                    + " answer's headers; separate from the job's own deadline. An"
                                    + " image generation is one call: give image endpoints the time"
                                    + " a generation takes.");

    public static final ConfigOption<Duration> DOWNLOAD_TIMEOUT =
            ConfigOptions.key("download-timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(2))
                    .withDescription("How long a result download may take, body included.");

    public static final ConfigOption<MemorySize> MAX_DOWNLOAD_SIZE =
            ConfigOptions.key("max-download-size")
                    .memoryType()
                    .defaultValue(MemorySize.parse("1 gb"))
                    .withDescription(
                            "Largest result accepted; a larger one fails the download (PROTOCOL).");

    public static final ConfigOption<String> HEALTH_PATH =
            ConfigOptions.key("health-path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Path answered 2xx when the server is ready: '/health' for vLLM-Omni"
                                    + " and SGLang (the default), '/system_stats' for ComfyUI (its"
                                    + " default), '/v1/models' for hosted APIs.");

    public static final ConfigOption<Integer> NUM_INFERENCE_STEPS =
            ConfigOptions.key("num-inference-steps")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            "Sent as 'num_inference_steps' to video and image servers; the model's"
                                    + " default when unset.");

    public static final ConfigOption<Double> GUIDANCE_SCALE =
            ConfigOptions.key("guidance-scale")
                    .doubleType()
                    .noDefaultValue()
                    .withDescription(
                            "Sent as 'guidance_scale' to video and image servers; the model's"
                                    + " default when unset.");

    public static final ConfigOption<String> RESPONSE_FORMAT =
            ConfigOptions.key("response-format")
                    .stringType()
                    .defaultValue("b64_json")
                    .withDescription(
                            "openai-images: 'b64_json' (vLLM-Omni accepts only this; SGLang"
                                    + " defaults to 'url', which needs cloud storage), 'url' (dall-e),"
                                    + " or 'none' to send no response_format (GPT image models refuse"
                                    + " it and always answer base64).");

    public static final ConfigOption<Boolean> OPENAI_STRICT =
            ConfigOptions.key("openai-strict")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "openai-images: send only OpenAI's own fields (model, prompt, n, size,"
                                    + " response_format), not seed, negative_prompt and the sampler"
                                    + " settings that open servers take.");

    public static final ConfigOption<String> STASH_DIR =
            ConfigOptions.key("stash-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "openai-images: where answered images wait for download; a directory"
                                    + " under java.io.tmpdir by default. Kept across task restarts on"
                                    + " the same machine, so a job id stays valid.");

    public static final ConfigOption<String> WORKFLOW =
            ConfigOptions.key("workflow")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "comfyui: the workflow template in API format, a file path or"
                                    + " 'classpath:<resource>' (e.g. "
                                    + ComfyUiClient.WAN22_T2V_TEMPLATE
                                    + "); placeholders as in the connectors README.");

    private EndpointOptions() {}
}
