package io.reelflow.operators.control;

import static io.reelflow.operators.control.ControlFixtures.T0;
import static io.reelflow.operators.control.ControlFixtures.TTL;
import static io.reelflow.operators.control.ControlFixtures.cancel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelflow.operators.generation.GenerateClipFunction;
import io.reelflow.schemas.CancelledRequest;
import io.reelflow.schemas.SceneWork;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.junit.jupiter.api.Test;

/** Tests for {@link Cancellations}. */
class CancellationsTest {
    private final Cancellations rules = new Cancellations(TTL);
    private final MapStore store = new MapStore();

    @Test
    void shouldFindACancelOfTheRunOrOfEveryRunOnly() throws Exception {
        rules.record(store, cancel("r1", null), T0);
        rules.record(store, cancel("r2", "replay-7"), T0);

        assertThat(rules.find(store, "r1", "live", T0)).isPresent();
        assertThat(rules.find(store, "r2", "replay-7", T0))
                .hasValueSatisfying(c -> assertThat(c.getReceivedAt()).isEqualTo(T0));
        assertThat(rules.find(store, "r2", "live", T0)).as("another run").isEmpty();
        assertThat(rules.find(store, "r3", "live", T0)).as("another request").isEmpty();
    }

    @Test
    void shouldForgetACancelOnceItsTtlPassedAndDropItOnTheNextRecord() throws Exception {
        rules.record(store, cancel("early", null), T0);

        assertThat(rules.find(store, "early", "live", T0.plus(TTL).minusMillis(1))).isPresent();
        assertThat(rules.find(store, "early", "live", T0.plus(TTL))).isEmpty();

        rules.record(store, cancel("later", null), T0.plus(TTL));
        assertThat(store.map).containsOnlyKeys(Cancellations.keyOf("later", null));
    }

    @Test
    void shouldTellWhetherACommandIsAboutARun() {
        assertThat(Cancellations.appliesTo(cancel("r", null), "live")).isTrue();
        assertThat(Cancellations.appliesTo(cancel("r", "live"), "live")).isTrue();
        assertThat(Cancellations.appliesTo(cancel("r", "replay"), "live")).isFalse();
    }

    @Test
    void shouldKeepCancelsAndSceneWorkInEvolvableAvroSerializers() throws Exception {
        CancelledRequest kept =
                CancelledRequest.newBuilder()
                        .setCommand(cancel("r1", null))
                        .setReceivedAt(T0)
                        .build();
        SceneWork command = GenerateClipFunction.cancel(cancel("r1", "live"));

        assertThat(roundTrip(kept, CancelledRequest.class)).isEqualTo(kept);
        assertThat(roundTrip(command, SceneWork.class)).isEqualTo(command);
    }

    private static <T> T roundTrip(T value, Class<T> type) throws Exception {
        TypeInformation<T> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(AvroTypeInfo.class);
        TypeSerializer<T> serializer = info.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void shouldRefuseANonPositiveTtl() {
        assertThatThrownBy(() -> new Cancellations(Duration.ZERO))
                .hasMessageContaining("cancel TTL must be positive");
    }

    /** The store as a plain map. */
    private static final class MapStore implements Cancellations.Store {
        final Map<String, CancelledRequest> map = new HashMap<>();

        @Override
        public CancelledRequest get(String key) {
            return map.get(key);
        }

        @Override
        public void put(String key, CancelledRequest value) {
            map.put(key, value);
        }

        @Override
        public void remove(String key) {
            map.remove(key);
        }

        @Override
        public Iterable<Map.Entry<String, CancelledRequest>> entries() {
            return map.entrySet();
        }
    }
}
