package io.reelflow.operators.port;

import java.net.URI;

/**
 * One result on its way to a callback URL: where it goes, the id a receiver de-duplicates by, and
 * the exact body (the result's JSON, as the results topic carries it). Signing and headers are the
 * sender's.
 *
 * @param target the request's callback URL
 * @param deliveryId the same for every delivery of one result (request id and run id)
 * @param body the JSON bytes to POST and to sign
 */
public record Webhook(URI target, String deliveryId, byte[] body) {}
