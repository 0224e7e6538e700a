/**
 * The ports of the operators: small interfaces for what a stage needs from outside (object storage,
 * inference sidecars, the asset catalog). {@code connectors} implements them; factories are
 * serializable so the job graph can ship them to the tasks.
 */
package io.reelflow.operators.port;
