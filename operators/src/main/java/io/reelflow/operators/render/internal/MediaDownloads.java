package io.reelflow.operators.render.internal;

import io.reelflow.operators.common.Cancellation;
import io.reelflow.operators.port.ObjectStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Fetches a render's scene media on a thread of its own, in the order the scenes are shown, so the
 * first scene opens as soon as its own file is there instead of after every scene's, and the rest
 * arrive while the picture is made. Each distinct URI is fetched once; a failure is kept for its
 * URI, not thrown. Closing stops the fetching and waits for the thread, so the render's temporary
 * files are not deleted under it.
 */
public final class MediaDownloads implements AutoCloseable {

    /** A downloaded media file, or why it could not be downloaded. */
    public record Download(Path file, String error) {}

    private final Map<String, CompletableFuture<Download>> downloads = new LinkedHashMap<>();
    private final Thread thread;

    private MediaDownloads(
            List<String> uris, ObjectStore store, Path temp, Cancellation cancellation) {
        for (String uri : uris) {
            downloads.putIfAbsent(uri, new CompletableFuture<>());
        }
        thread = new Thread(() -> fetchAll(store, temp, cancellation), "reelflow-media-downloads");
        thread.setDaemon(true);
    }

    /** Starts fetching {@code uris} (in this order, each once) into {@code temp}. */
    public static MediaDownloads start(
            List<String> uris, ObjectStore store, Path temp, Cancellation cancellation) {
        MediaDownloads downloads = new MediaDownloads(uris, store, temp, cancellation);
        downloads.thread.start();
        return downloads;
    }

    /** The download of {@code uri}, waiting for it; an error for a URI never asked for. */
    public Download await(String uri) {
        CompletableFuture<Download> download = downloads.get(uri);
        if (download == null) {
            return new Download(null, "not among the render's media");
        }
        try {
            return download.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Download(null, "interrupted while waiting for the download");
        } catch (ExecutionException e) {
            return new Download(null, String.valueOf(e.getCause()));
        }
    }

    private void fetchAll(ObjectStore store, Path temp, Cancellation cancellation) {
        int index = 0;
        for (Map.Entry<String, CompletableFuture<Download>> entry : downloads.entrySet()) {
            String uri = entry.getKey();
            if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
                stopAt(uri);
                return;
            }
            Path target = temp.resolve("media-" + index++ + MediaFiles.extensionOf(uri));
            try {
                store.get(uri, target);
                entry.getValue().complete(new Download(target, null));
            } catch (Exception e) {
                entry.getValue().complete(new Download(null, String.valueOf(e.getMessage())));
            }
        }
    }

    /** Answers every download from {@code uri} on: the render stopped, they are not fetched. */
    private void stopAt(String uri) {
        boolean after = false;
        for (Map.Entry<String, CompletableFuture<Download>> entry : downloads.entrySet()) {
            after |= entry.getKey().equals(uri);
            if (after) {
                entry.getValue().complete(new Download(null, "not fetched: the render stopped"));
            }
        }
    }

    /** Stops fetching and waits for the thread, even when interrupted. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            Threads.joinUninterruptibly(thread);
        }
    }
}
