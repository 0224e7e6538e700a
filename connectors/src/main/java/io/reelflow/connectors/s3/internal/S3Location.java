package io.reelflow.connectors.s3.internal;

/** A bucket and key, parsed from or formatted as {@code s3://bucket/key}. */
public record S3Location(String bucket, String key) {
    private static final String SCHEME = "s3://";

    public S3Location {
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("S3 bucket is empty");
        }
        requireValidKey(key);
    }

    /** Parses {@code s3://bucket/key}; the key is taken as is (not URL-decoded). */
    public static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw new IllegalArgumentException("Not an s3:// URI: " + uri);
        }
        int slash = uri.indexOf('/', SCHEME.length());
        if (slash < 0 || slash == uri.length() - 1) {
            throw new IllegalArgumentException("s3:// URI has no object key: " + uri);
        }
        return new S3Location(uri.substring(SCHEME.length(), slash), uri.substring(slash + 1));
    }

    /** Fails unless {@code key} is a usable object key: not blank, no leading slash. */
    public static String requireValidKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("S3 object key is empty");
        }
        if (key.startsWith("/")) {
            throw new IllegalArgumentException("S3 object key must not start with '/': " + key);
        }
        return key;
    }

    public String uri() {
        return SCHEME + bucket + "/" + key;
    }
}
