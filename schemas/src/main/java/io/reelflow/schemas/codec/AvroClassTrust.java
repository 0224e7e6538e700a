package io.reelflow.schemas.codec;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro (1.12.1+) refuses to instantiate record classes it does not trust, and builders resolve enum
 * field defaults (such as {@code RenderSpec.transition}) through the same check. Reelflow's
 * generated classes live in one package, trusted here for this JVM. Cluster JVMs also get {@code
 * -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.reelflow.schemas} (see {@code flink-conf/}), because
 * Flink may restore Avro state before any of our code runs.
 */
public final class AvroClassTrust {
    /** The package of the generated Avro classes. */
    public static final String SCHEMA_PACKAGE = "io.reelflow.schemas";

    private static volatile boolean installed;

    private AvroClassTrust() {}

    /** Trusts the generated Reelflow classes in this JVM, keeping whatever else is trusted. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityPredicate reelflow =
                type -> type.getPackage() != null && SCHEMA_PACKAGE.equals(type.getPackageName());
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, reelflow));
        installed = true;
    }
}
