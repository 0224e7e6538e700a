package io.reelflow.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;

/**
 * The configuration keys Flink's own option classes declare (those in {@code
 * org.apache.flink.configuration}, flink-core, the version the build uses), and the old names they
 * still accept. An old name works today but is deprecated in Flink 2 and goes in a later release.
 */
final class FlinkOptionNames {

    private static final String PACKAGE = "org/apache/flink/configuration/";

    private final Set<String> current;
    private final Map<String, String> replacements;

    private FlinkOptionNames(Set<String> current, Map<String, String> replacements) {
        this.current = current;
        this.replacements = replacements;
    }

    /** Reads every {@code *Options} class of flink-core's configuration package. */
    static FlinkOptionNames scan() {
        Set<String> current = new HashSet<>();
        Map<String, String> replacements = new HashMap<>();
        try (JarFile jar = new JarFile(jarOf(ConfigOption.class).toFile())) {
            for (String entry : jar.stream().map(e -> e.getName()).toList()) {
                if (!entry.startsWith(PACKAGE)
                        || !entry.endsWith("Options.class")
                        || entry.substring(PACKAGE.length()).contains("/")
                        || entry.contains("$")) {
                    continue;
                }
                String name = entry.substring(0, entry.length() - ".class".length());
                read(Class.forName(name.replace('/', '.')), current, replacements);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        // A name may be both an alias and, elsewhere, a key of its own: then it is current.
        replacements.keySet().removeAll(current);
        return new FlinkOptionNames(
                Collections.unmodifiableSet(current), Collections.unmodifiableMap(replacements));
    }

    /** Whether {@code key} is the name of a Flink option that is not deprecated. */
    boolean isCurrent(String key) {
        return current.contains(key);
    }

    /** The key to use instead, when {@code key} is an old name of an option. */
    Optional<String> replacementOf(String key) {
        return Optional.ofNullable(replacements.get(key));
    }

    private static void read(
            Class<?> options, Set<String> current, Map<String, String> replacements) {
        for (Field field : options.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())
                    || !ConfigOption.class.isAssignableFrom(field.getType())) {
                continue;
            }
            ConfigOption<?> option;
            try {
                option = (ConfigOption<?>) field.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (field.isAnnotationPresent(Deprecated.class)) {
                replacements.putIfAbsent(option.key(), "(deprecated: see " + field + ")");
                continue;
            }
            current.add(option.key());
            for (FallbackKey fallback : option.fallbackKeys()) {
                replacements.put(fallback.getKey(), option.key());
            }
        }
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
