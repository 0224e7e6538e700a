package io.reelflow.connectors.internal.http;

import java.net.URI;
import java.time.Duration;

/**
 * What {@link SidecarHttp} needs to know about a model server, whatever it serves: generation
 * adapters and the speech adapter each read their own options into a type that has these.
 */
public interface HttpEndpoint {

    /** A short name for messages and thread names. */
    String name();

    URI baseUri();

    /** Where the bearer token comes from; never the token itself. */
    BearerToken token();

    Duration connectTimeout();

    /** How long one call may take until the answer's headers. */
    Duration requestTimeout();

    /** How long a result download may take, body included. */
    Duration downloadTimeout();

    /** Largest result accepted. */
    long maxDownloadBytes();
}
