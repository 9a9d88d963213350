package dev.quorum.platform;

import java.nio.file.Path;

/**
 * A second process for {@link DataDirLockTest}: {@code acquire <dir>} takes the data-directory lock as the
 * app does at startup and exits 0, or prints the refusal and exits 2; {@code hold <dir>} takes it, says
 * "locked" and waits to be killed.
 */
public final class LockProbe {

    static final int REFUSED = 2;

    public static void main(String[] args) throws InterruptedException {
        try {
            DataDirLock.acquire(Path.of(args[1]));
        } catch (DataDirLock.Refused e) {
            System.err.println(e.getMessage());
            System.exit(REFUSED);
        }
        if (args[0].equals("hold")) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        System.exit(0);
    }
}
