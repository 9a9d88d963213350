package dev.quorum.platform;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies the datasource of the embedded PostgreSQL when nobody configured one.
 *
 * <p>It answers with the lowest priority, so {@code QUARKUS_DATASOURCE_JDBC_URL} (or the property in any
 * other source) always wins, and it starts the server only when the datasource URL is actually asked for:
 * building the app, or running the content linter, never starts a database.
 */
public final class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(URL))) {
            return List.of();
        }
        ConfigValue dataDir = context.getValue("quorum.data.dir");
        Path dir = Path.of(isSet(dataDir) ? dataDir.getValue() : "data");
        return List.of(new EmbeddedDatabaseSource(dir));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /** Lazy: the server starts on the first lookup of the datasource URL. */
    static final class EmbeddedDatabaseSource implements ConfigSource {
        private final Path dataDir;

        EmbeddedDatabaseSource(Path dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        public String getValue(String name) {
            if (URL.equals(name)) {
                return EmbeddedPostgresServer.startOnce(dataDir);
            }
            if (USERNAME.equals(name)) {
                return EmbeddedPostgresServer.USER;
            }
            return null;
        }

        @Override
        public Set<String> getPropertyNames() {
            // Listing no names keeps the build from recording (and so starting) the server.
            return Set.of();
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public int getOrdinal() {
            return 1;
        }

        @Override
        public String getName() {
            return "EmbeddedPostgreSQL[" + dataDir + "]";
        }
    }
}
