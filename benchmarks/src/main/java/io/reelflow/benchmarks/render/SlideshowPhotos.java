package io.reelflow.benchmarks.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Picks the slideshow's photos from a directory deterministically: the first ones by name. */
public final class SlideshowPhotos {

    /** The number of photos of the reference slideshow. */
    public static final int COUNT = 12;

    private SlideshowPhotos() {}

    /**
     * The first {@code count} JPEG or PNG files of {@code directory}, ordered by file name.
     *
     * @throws IOException when the directory cannot be listed or holds fewer photos
     */
    public static List<Path> firstByName(Path directory, int count) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        List<Path> photos;
        try (Stream<Path> files = Files.list(directory)) {
            photos =
                    files.filter(Files::isRegularFile)
                            .filter(SlideshowPhotos::isPhoto)
                            .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                            .limit(count)
                            .map(file -> file.toAbsolutePath().normalize())
                            .toList();
        }
        if (photos.size() < count) {
            throw new IOException(
                    "the slideshow needs "
                            + count
                            + " photos (.jpg, .jpeg, .png) in "
                            + directory
                            + ", found "
                            + photos.size());
        }
        return photos;
    }

    private static boolean isPhoto(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
    }
}
