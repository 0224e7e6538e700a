package io.reelflow.operators.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelflow.operators.port.ObjectStore;
import io.reelflow.operators.port.Translator;
import io.reelflow.operators.testing.DirectoryObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link StoredTranslator}. */
class StoredTranslatorTest {

    @TempDir Path dir;

    private final AtomicInteger calls = new AtomicInteger();

    private final Translator model =
            new Translator() {
                @Override
                public String toEnglish(String text, String language) {
                    return "translation " + calls.incrementAndGet() + " of " + text;
                }

                @Override
                public String model() {
                    return "qwen";
                }
            };

    @Test
    void shouldAskTheModelOncePerTextEvenAfterARestart() throws Exception {
        DirectoryObjectStore store = new DirectoryObjectStore(dir);

        String first = new StoredTranslator(model, store).toEnglish("Ein Hund.", "de");
        // a new instance, as after a restart or in a replay: the stored answer is used
        String again = new StoredTranslator(model, store).toEnglish("Ein Hund.", "de");
        String other = new StoredTranslator(model, store).toEnglish("Ein Hund.", "nl");

        assertThat(first).isEqualTo("translation 1 of Ein Hund.");
        assertThat(again).isEqualTo(first);
        assertThat(other).isEqualTo("translation 2 of Ein Hund.");
        String key = new StoredTranslator(model, store).keyOf("Ein Hund.", "de");
        assertThat(key).startsWith("translations/").endsWith(".txt");
        assertThat(Files.readString(store.pathOf(key))).isEqualTo(first);
    }

    @Test
    void shouldStillTranslateWhenTheStoreFails() throws Exception {
        ObjectStore broken =
                new ObjectStore() {
                    @Override
                    public String put(String key, Path file, String contentType)
                            throws IOException {
                        throw new IOException("S3 unavailable");
                    }

                    @Override
                    public void get(String uri, Path target) throws IOException {
                        throw new IOException("S3 unavailable");
                    }

                    @Override
                    public void delete(String key) {}

                    @Override
                    public Optional<String> find(String key) throws IOException {
                        throw new IOException("S3 unavailable");
                    }

                    @Override
                    public String uriOf(String key) {
                        return "s3://bucket/" + key;
                    }

                    @Override
                    public void close() {}
                };
        StoredTranslator translator = new StoredTranslator(model, broken);

        assertThat(translator.toEnglish("Un chien.", "fr")).isEqualTo("translation 1 of Un chien.");
        assertThat(translator.toEnglish("Un chien.", "fr")).isEqualTo("translation 2 of Un chien.");
    }
}
