package io.reelflow.benchmarks.common;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path a benchmark runs on, for the child JVMs it starts: under Maven's {@code exec:java}
 * the program's classes come from a URLClassLoader of the plugin's, not from {@code
 * java.class.path}.
 */
public final class JavaClassPath {

    private JavaClassPath() {}

    /**
     * The URLs of {@code anchor}'s class loader when that is a URLClassLoader (Maven's exec:java),
     * else {@code java.class.path}.
     */
    public static String of(Class<?> anchor) {
        if (anchor.getClassLoader() instanceof URLClassLoader loader) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("unusable classpath entry " + url, e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    /** Whether {@code anchor} was loaded from {@code java.class.path}, as by {@code java -cp}. */
    public static boolean isSystem(Class<?> anchor) {
        return anchor.getClassLoader() == ClassLoader.getSystemClassLoader();
    }

    /** The {@code java} of the running JVM. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
