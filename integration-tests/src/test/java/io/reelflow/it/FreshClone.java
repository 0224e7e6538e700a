package io.reelflow.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the repository holding what {@code git clone} would give a user — the files git tracks
 * or would track, as they are in the working tree — and none of the build outputs, local data or
 * caches that a developer's checkout has collected.
 */
final class FreshClone {

    /** Left out when git cannot list the files: what {@code .gitignore} keeps out of a clone. */
    private static final Set<String> NEVER_CLONED = Set.of(".git", "target", ".local", ".idea");

    private FreshClone() {}

    /** Copies {@code repository} into {@code destination} (created) and returns it. */
    static Path of(Path repository, Path destination) throws IOException, InterruptedException {
        for (String file : filesOf(repository)) {
            Path source = repository.resolve(file);
            if (Files.isRegularFile(source)) {
                Path target = destination.resolve(file);
                Files.createDirectories(target.getParent());
                // Attributes too: the launcher scripts must stay executable.
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return destination;
    }

    private static List<String> filesOf(Path repository) throws IOException, InterruptedException {
        try {
            Process git =
                    new ProcessBuilder(
                                    "git",
                                    "ls-files",
                                    "-z",
                                    "--cached",
                                    "--others",
                                    "--exclude-standard")
                            .directory(repository.toFile())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            byte[] listing = git.getInputStream().readAllBytes();
            if (git.waitFor(1, TimeUnit.MINUTES) && git.exitValue() == 0) {
                return Stream.of(new String(listing, StandardCharsets.UTF_8).split("\0"))
                        .filter(name -> !name.isEmpty())
                        .toList();
            }
        } catch (IOException noGit) {
            // A source tree without git (an unpacked archive): copy by the rules below instead.
        }
        try (Stream<Path> walk = Files.walk(repository)) {
            return walk.filter(Files::isRegularFile)
                    .map(repository::relativize)
                    .filter(FreshClone::cloned)
                    .map(Path::toString)
                    .toList();
        }
    }

    private static boolean cloned(Path relative) {
        for (Path part : relative) {
            if (NEVER_CLONED.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }
}
