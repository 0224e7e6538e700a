package io.reelflow.cli;

import io.reelflow.connectors.catalog.ImportListener;
import io.reelflow.connectors.catalog.ImportedFile;
import java.io.PrintStream;

/**
 * Shows an import's progress on stderr: one bar redrawn in place ({@code \r[=====> ] 31/52 files})
 * on a console, or a plain line at every tenth of the way when stderr is a file or pipe, so logs
 * stay readable.
 */
final class ProgressBar implements ImportListener {
    static final int WIDTH = 30;
    private static final int STEPS = 10;

    private final PrintStream err;
    private final boolean console;
    private int lastStep = -1;

    ProgressBar(PrintStream err, boolean console) {
        this.err = err;
        this.console = console;
    }

    /** The bar for {@code done} of {@code total} files, {@code width} characters inside. */
    static String render(int done, int total, int width) {
        int filled = total == 0 ? width : (int) ((long) width * done / total);
        StringBuilder bar = new StringBuilder(width + 24).append('[');
        bar.append("=".repeat(filled));
        if (filled < width) {
            bar.append('>').append(" ".repeat(width - filled - 1));
        }
        return bar.append("] ").append(done).append('/').append(total).append(" files").toString();
    }

    @Override
    public void onStart(int total) {
        if (console) {
            err.print("\r" + render(0, total, WIDTH));
        } else {
            err.printf("importing %d files%n", total);
        }
        err.flush();
    }

    @Override
    public void onFileDone(ImportedFile file, int done, int total) {
        if (console) {
            err.print("\r" + render(done, total, WIDTH));
            if (done == total) {
                err.println();
            }
        } else {
            int step = (int) ((long) STEPS * done / total);
            if (step > lastStep) {
                lastStep = step;
                err.printf("%d/%d files%n", done, total);
            }
        }
        err.flush();
    }
}
