package dev.quorum.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Quorum's own settings. Every key can also be set as an environment variable (QUORUM_DATA_DIR, …). */
@ConfigMapping(prefix = "quorum")
public interface QuorumConfig {

    Content content();

    Data data();

    Admin admin();

    interface Content {
        /** Folder holding reading-list.md (and later topics/); relative paths resolve against the working directory. */
        @WithDefault("content")
        String dir();

        /** Whether the content is ingested into the database when the app starts. */
        @WithDefault("true")
        boolean ingestOnStart();
    }

    interface Data {
        /** Folder for everything the app writes: the embedded PostgreSQL cluster lives in {@code <dir>/postgres}. */
        @WithDefault("data")
        String dir();
    }

    interface Admin {
        /** Bearer token for /api/v1/admin/*; while unset, the admin endpoints are disabled. */
        Optional<String> token();
    }
}
