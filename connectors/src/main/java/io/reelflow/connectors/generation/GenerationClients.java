package io.reelflow.connectors.generation;

import io.reelflow.connectors.generation.internal.EndpointSettings;
import io.reelflow.connectors.generation.internal.VideoBodyEncoding;
import io.reelflow.operators.port.GenerationClient;
import io.reelflow.operators.port.GenerationClientFactory;
import io.reelflow.operators.port.ModelEndpoint;
import java.util.List;

/**
 * The {@link GenerationClientFactory} of the job: picks the adapter by {@link
 * ModelEndpoint#protocol()} and reads the endpoint's {@link EndpointOptions}. Serializable and
 * stateless, so the job graph ships it to the tasks, which create their clients there.
 *
 * <pre>{@code
 * GenerationClientFactory clients = new GenerationClients();
 * GenerationClient wan = clients.create(new ModelEndpoint(
 *         "wan", URI.create("http://gpu-1:8000"), GenerationClients.OPENAI_VIDEOS_MULTIPART, 1,
 *         Map.of("token-env", "VLLM_API_KEY")));
 * }</pre>
 */
public final class GenerationClients implements GenerationClientFactory {

    private static final long serialVersionUID = 1L;

    /** Video jobs with a JSON body (SGLang's diffusion server). */
    public static final String OPENAI_VIDEOS = "openai-videos";

    /** Video jobs with a multipart/form-data body (vLLM-Omni). */
    public static final String OPENAI_VIDEOS_MULTIPART = "openai-videos-multipart";

    /** Synchronous image generations (OpenAI, vLLM-Omni, SGLang). */
    public static final String OPENAI_IMAGES = "openai-images";

    /** ComfyUI with a workflow template. */
    public static final String COMFYUI = "comfyui";

    public static final List<String> PROTOCOLS =
            List.of(OPENAI_VIDEOS, OPENAI_VIDEOS_MULTIPART, OPENAI_IMAGES, COMFYUI);

    /**
     * @throws IllegalArgumentException for an unknown protocol or a bad option, naming the endpoint
     */
    @Override
    public GenerationClient create(ModelEndpoint endpoint) {
        EndpointSettings settings = EndpointSettings.of(endpoint);
        return switch (endpoint.protocol()) {
            case OPENAI_VIDEOS -> new OpenAiVideosClient(settings, VideoBodyEncoding.JSON);
            case OPENAI_VIDEOS_MULTIPART ->
                    new OpenAiVideosClient(settings, VideoBodyEncoding.MULTIPART);
            case OPENAI_IMAGES -> new OpenAiImagesClient(settings);
            case COMFYUI -> new ComfyUiClient(settings);
            default ->
                    throw new IllegalArgumentException(
                            "endpoint '"
                                    + endpoint.name()
                                    + "': unknown protocol '"
                                    + endpoint.protocol()
                                    + "'; use one of "
                                    + PROTOCOLS);
        };
    }

    @Override
    public String toString() {
        return "GenerationClients" + PROTOCOLS;
    }
}
