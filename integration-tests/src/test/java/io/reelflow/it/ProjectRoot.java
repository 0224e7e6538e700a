package io.reelflow.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's top folder, found from the test's working directory (a module folder). */
final class ProjectRoot {

    private ProjectRoot() {}

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("reelflow"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no folder above " + Path.of("").toAbsolutePath() + " holds the reelflow script");
    }
}
