package io.reelflow.embedded;

import java.util.Locale;

/** Which implementation provides the services: servers inside this JVM, or Docker containers. */
public enum ServicesBackend {
    /** Kafka KRaft broker and S3Proxy in this JVM, PostgreSQL as a child process. No Docker. */
    EMBEDDED,
    /** Kafka, PostgreSQL and MinIO containers started through Testcontainers. Needs Docker. */
    TESTCONTAINERS;

    /**
     * System property that chooses the default backend: {@code embedded} or {@code testcontainers}.
     */
    public static final String PROPERTY = "reelflow.services";

    /**
     * The backend named by the {@value #PROPERTY} system property, {@link #EMBEDDED} when unset.
     */
    public static ServicesBackend fromSystemProperties() {
        return parse(System.getProperty(PROPERTY));
    }

    /**
     * Parses a property value; {@code null} or blank means {@link #EMBEDDED}.
     *
     * @throws IllegalArgumentException for any other value, naming the property and the choices
     */
    public static ServicesBackend parse(String value) {
        if (value == null || value.isBlank()) {
            return EMBEDDED;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "embedded":
                return EMBEDDED;
            case "testcontainers":
                return TESTCONTAINERS;
            default:
                throw new IllegalArgumentException(
                        "Unknown value '"
                                + value
                                + "' for system property "
                                + PROPERTY
                                + "; use 'embedded' or 'testcontainers'");
        }
    }

    /** The value of {@value #PROPERTY} that selects this backend. */
    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
