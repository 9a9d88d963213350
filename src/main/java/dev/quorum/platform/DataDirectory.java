package dev.quorum.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Takes the {@link DataDirLock} before anything else starts. With the embedded database it is already held
 * (taken before PostgreSQL started); with an external one the directory still holds the search index.
 */
@ApplicationScoped
public class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class);

    @Inject
    QuorumConfig config;

    /** Ahead of every other startup observer: the search index opens in one of them. */
    void lock(@Observes @Priority(10) StartupEvent event) {
        try {
            DataDirLock.acquire(Path.of(config.data().dir()));
        } catch (DataDirLock.Refused e) {
            LOG.error(e.getMessage()); // one plain line above the stack trace Quarkus prints on a failed start
            throw e;
        }
    }
}
