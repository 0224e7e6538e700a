package io.reelflow.connectors.testing;

import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.ObjectStoreFactory;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ObjectStore} in a static map, for tests of code that reads through a store. */
public final class InMemoryObjectStore implements ObjectStore {
    private static final Map<String, byte[]> OBJECTS = new ConcurrentHashMap<>();
    private static final String PREFIX = "mem://test/";

    /** A factory whose stores all share the same objects. */
    public static ObjectStoreFactory factory() {
        return InMemoryObjectStore::new;
    }

    /** Stores {@code bytes} under {@code key} and returns its URI. */
    public static String putBytes(String key, byte[] bytes) {
        OBJECTS.put(key, bytes.clone());
        return PREFIX + key;
    }

    @Override
    public String put(String key, Path file, String contentType) throws IOException {
        return putBytes(key, Files.readAllBytes(file));
    }

    @Override
    public void get(String uri, Path target) throws IOException {
        byte[] bytes = uri.startsWith(PREFIX) ? OBJECTS.get(uri.substring(PREFIX.length())) : null;
        if (bytes == null) {
            throw new FileNotFoundException("No object at " + uri);
        }
        Files.write(target, bytes);
    }

    @Override
    public void delete(String key) {
        OBJECTS.remove(key);
    }

    @Override
    public Optional<String> find(String key) {
        return OBJECTS.containsKey(key) ? Optional.of(uriOf(key)) : Optional.empty();
    }

    @Override
    public String uriOf(String key) {
        return PREFIX + key;
    }

    @Override
    public void close() {}
}
