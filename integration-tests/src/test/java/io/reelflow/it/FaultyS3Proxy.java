package io.reelflow.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of an S3 API server that can play an S3 outage: while it is on, every
 * request gets {@code 503 SlowDown} with S3's XML error body, as S3 answers when it sheds load.
 * Otherwise bytes pass unchanged, so the client's {@code Host} header, and with it its AWS
 * signature, stays valid for the server behind.
 *
 * <pre>{@code
 * try (FaultyS3Proxy proxy = FaultyS3Proxy.start(URI.create(services.s3Endpoint()))) {
 *     proxy.startOutage();   // open connections are cut, new requests get 503
 *     proxy.endOutage();
 * }
 * }</pre>
 */
final class FaultyS3Proxy implements AutoCloseable {
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final byte[] SLOW_DOWN_BODY =
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
                            + "<Message>Please reduce your request rate.</Message>"
                            + "<RequestId>faulty-s3-proxy</RequestId></Error>")
                    .getBytes(StandardCharsets.UTF_8);

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final ExecutorService threads;
    private final AtomicBoolean outage = new AtomicBoolean();
    private final AtomicLong refused = new AtomicLong();
    private final Set<Socket> piped = ConcurrentHashMap.newKeySet();

    private FaultyS3Proxy(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
        this.threads =
                Executors.newCachedThreadPool(
                        task -> {
                            Thread thread = new Thread(task, "faulty-s3-proxy");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /** Starts a proxy on a free loopback port, passing everything to {@code s3Endpoint}. */
    static FaultyS3Proxy start(URI s3Endpoint) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FaultyS3Proxy proxy =
                new FaultyS3Proxy(
                        server, new InetSocketAddress(s3Endpoint.getHost(), s3Endpoint.getPort()));
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    /** The endpoint clients use instead of the S3 server's. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** From now on every request gets 503; connections that are open now are cut. */
    void startOutage() {
        outage.set(true);
        for (Socket socket : piped) {
            closeQuietly(socket);
        }
    }

    /** Requests pass to the server again. */
    void endOutage() {
        outage.set(false);
    }

    /** How many requests got a 503 so far. */
    long refusedRequests() {
        return refused.get();
    }

    @Override
    public void close() {
        closeQuietly(server);
        piped.forEach(FaultyS3Proxy::closeQuietly);
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try {
            if (outage.get()) {
                refuse(client);
            } else {
                pipe(client);
            }
        } catch (IOException e) {
            // a cut connection: the client sees an I/O error, as with a real outage
        } finally {
            closeQuietly(client);
        }
    }

    // One 503 per connection, then close: the client retries on a new connection.
    private void refuse(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        String head = readHead(in);
        String method = head.substring(0, Math.max(0, head.indexOf(' ')));
        String lower = head.toLowerCase(Locale.ROOT);
        long contentLength = headerValue(lower, "content-length");
        // With "Expect: 100-continue" the body is never sent; otherwise read it before answering.
        if (!lower.contains("\nexpect: 100-continue") && contentLength > 0) {
            in.skipNBytes(contentLength);
        }
        boolean headRequest = "HEAD".equals(method);
        OutputStream out = client.getOutputStream();
        out.write(
                ("HTTP/1.1 503 Slow Down\r\n"
                                + "Content-Type: application/xml\r\n"
                                + "Content-Length: "
                                + SLOW_DOWN_BODY.length
                                + "\r\n"
                                + "Connection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        if (!headRequest) {
            out.write(SLOW_DOWN_BODY);
        }
        out.flush();
        refused.incrementAndGet();
    }

    private void pipe(Socket client) throws IOException {
        try (Socket upstream = new Socket(target.getAddress(), target.getPort())) {
            piped.add(client);
            piped.add(upstream);
            // A request that raced startOutage() is cut like the others.
            if (outage.get()) {
                return;
            }
            threads.execute(() -> copy(upstream, client));
            copy(client, upstream);
        } finally {
            piped.remove(client);
            piped.removeIf(Socket::isClosed);
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // either side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length && head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the request head ended");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static long headerValue(String lowerHead, String name) {
        int at = lowerHead.indexOf("\n" + name + ":");
        if (at < 0) {
            return 0;
        }
        int start = at + name.length() + 2;
        int end = lowerHead.indexOf('\r', start);
        return Long.parseLong(lowerHead.substring(start, end).trim());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
