package io.reelflow.operators.scene;

import io.reelflow.operators.port.ContentKeys;
import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.Translator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Translator} whose answers are kept in the object store under {@code
 * translations/{sha256(model, language, text)}.txt}: a model is asked once per text, so a replay or
 * a restarted task manager writes the same prompt and reuses the same clips. The store failing only
 * costs a question to the model, never the translation.
 */
public final class StoredTranslator implements Translator {

    private static final Logger LOG = LoggerFactory.getLogger(StoredTranslator.class);

    /** Where translations are kept in the object store. */
    public static final String PREFIX = "translations/";

    private final Translator model;
    private final ObjectStore store;

    public StoredTranslator(Translator model, ObjectStore store) {
        this.model = Objects.requireNonNull(model, "model");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The object key of the translation of {@code text}. */
    public String keyOf(String text, String language) {
        return PREFIX
                + ContentKeys.sha256(String.join("\n", "v1", model.model(), language, text))
                + ".txt";
    }

    @Override
    public String toEnglish(String text, String language) throws Exception {
        String key = keyOf(text, language);
        Optional<String> stored = read(key);
        if (stored.isPresent()) {
            return stored.get();
        }
        String english = model.toEnglish(text, language);
        write(key, english);
        return english;
    }

    @Override
    public String model() {
        return model.model();
    }

    private Optional<String> read(String key) {
        Path file = null;
        try {
            Optional<String> uri = store.find(key);
            if (uri.isEmpty()) {
                return Optional.empty();
            }
            file = Files.createTempFile("reelflow-translation", ".txt");
            store.get(uri.get(), file);
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            LOG.warn("Stored translation {} unreadable, asking the model: {}", key, e.toString());
            return Optional.empty();
        } finally {
            deleteQuietly(file);
        }
    }

    private void write(String key, String english) {
        Path file = null;
        try {
            file = Files.createTempFile("reelflow-translation", ".txt");
            Files.writeString(file, english, StandardCharsets.UTF_8);
            store.put(key, file, "text/plain; charset=utf-8");
        } catch (IOException e) {
            LOG.warn("Translation {} not stored: {}", key, e.toString());
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Temporary file {} not deleted", file, e);
            }
        }
    }
}
