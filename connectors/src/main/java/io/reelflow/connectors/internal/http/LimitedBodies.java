package io.reelflow.connectors.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Response bodies with a size limit: in memory (JSON answers) or streamed to a file (results), so a
 * runaway answer fails the call instead of filling the heap or the disk.
 */
public final class LimitedBodies {

    private LimitedBodies() {}

    /** The body as bytes; fails with {@link TooLargeException} past {@code maxBytes}. */
    public static BodySubscriber<byte[]> bytes(long maxBytes) {
        return new Limited<>(maxBytes) {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            void write(ByteBuffer chunk) {
                byte[] bytes = new byte[chunk.remaining()];
                chunk.get(bytes);
                buffer.write(bytes, 0, bytes.length);
            }

            @Override
            byte[] finish() {
                return buffer.toByteArray();
            }

            @Override
            void discard() {
                buffer.reset();
            }
        };
    }

    /**
     * The body streamed into {@code file} (created or truncated); the file is deleted when the
     * transfer fails or exceeds {@code maxBytes}. Completes with the number of bytes written.
     */
    public static BodySubscriber<Long> file(Path file, long maxBytes) {
        return new Limited<>(maxBytes) {
            private FileChannel channel;

            @Override
            void write(ByteBuffer chunk) throws IOException {
                if (channel == null) {
                    channel =
                            FileChannel.open(
                                    file,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.WRITE,
                                    StandardOpenOption.TRUNCATE_EXISTING);
                }
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }

            @Override
            Long finish() throws IOException {
                if (channel == null) {
                    Files.write(file, new byte[0]);
                } else {
                    channel.close();
                }
                return received();
            }

            @Override
            void discard() {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // best effort: the caller reports the original failure
                }
            }
        };
    }

    /** The body exceeded its limit. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long maxBytes) {
            super("answer is larger than " + maxBytes + " bytes");
        }
    }

    /** Counts bytes, writes them somewhere, and gives up past the limit. */
    private abstract static class Limited<T> implements BodySubscriber<T> {
        private final long maxBytes;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long received;

        Limited(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        abstract void write(ByteBuffer chunk) throws IOException;

        abstract T finish() throws IOException;

        abstract void discard();

        long received() {
            return received;
        }

        @Override
        public CompletionStage<T> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            this.subscription = newSubscription;
            newSubscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> chunks) {
            if (result.isDone()) {
                return;
            }
            try {
                for (ByteBuffer chunk : chunks) {
                    received += chunk.remaining();
                    if (received > maxBytes) {
                        throw new TooLargeException(maxBytes);
                    }
                    write(chunk);
                }
            } catch (IOException e) {
                subscription.cancel();
                fail(e);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            fail(throwable);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(finish());
            } catch (IOException e) {
                fail(e);
            }
        }

        private void fail(Throwable throwable) {
            discard();
            result.completeExceptionally(throwable);
        }
    }
}
