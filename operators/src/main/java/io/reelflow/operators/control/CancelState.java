package io.reelflow.operators.control;

import io.reelflow.schemas.CancelledRequest;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/** The broadcast state of the cancel gates, and {@link Cancellations}' view of it. */
public final class CancelState {
    /** Key: request id and run ({@code Cancellations.keyOf}); value: the command, as received. */
    public static final MapStateDescriptor<String, CancelledRequest> DESCRIPTOR =
            new MapStateDescriptor<>(
                    "cancelled-requests", Types.STRING, TypeInformation.of(CancelledRequest.class));

    private CancelState() {}

    /** {@code state} as a {@link Cancellations.Store}. */
    public static Cancellations.Store store(BroadcastState<String, CancelledRequest> state) {
        return new Cancellations.Store() {
            @Override
            public CancelledRequest get(String key) throws Exception {
                return state.get(key);
            }

            @Override
            public void put(String key, CancelledRequest value) throws Exception {
                state.put(key, value);
            }

            @Override
            public void remove(String key) throws Exception {
                state.remove(key);
            }

            @Override
            public Iterable<Map.Entry<String, CancelledRequest>> entries() throws Exception {
                return state.entries();
            }
        };
    }
}
