package dev.quorum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another instance's embedded PostgreSQL is refused; a server of one's own, or one with no owner, is not. */
class EmbeddedDatabaseGuardTest {

    @Test
    void refusesTheEmbeddedDatabaseOfAnotherInstance(@TempDir Path dir) throws Exception {
        String owner = "4242@elsewhere:" + dir.resolve("other/postgres");
        String before = System.getProperty(EmbeddedPostgresServer.OWNED_PROPERTY, "");
        try (EmbeddedPostgresServer other = EmbeddedPostgresServer.start(dir.resolve("other/postgres"), 0, owner);
                Connection c = DriverManager.getConnection(other.jdbcUrl())) {
            Optional<String> refusal = EmbeddedDatabaseGuard.refusal(c);
            assertTrue(refusal.isPresent(), "a server carrying another instance's owner setting");
            assertTrue(refusal.get().contains(owner), refusal.get());
            assertTrue(refusal.get().contains("QUARKUS_DATASOURCE_JDBC_URL"), refusal.get());

            // what the pool does with the first connection: startup fails there, before Flyway writes anything
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> new EmbeddedDatabaseGuard().onConnectionCreate(c));
            assertEquals(refusal.get(), thrown.getMessage());

            System.setProperty(EmbeddedPostgresServer.OWNED_PROPERTY, before + owner + "\n");
            assertEquals(Optional.empty(), EmbeddedDatabaseGuard.refusal(c), "the JVM that started it may use it");
        } finally {
            System.setProperty(EmbeddedPostgresServer.OWNED_PROPERTY, before);
        }
    }

    @Test
    void theOwnerOfAServerNamesPidHostAndClusterInShellSafeCharacters() {
        String owner = EmbeddedPostgresServer.ownerOf(Path.of("/srv/my data/$(rm -rf)/postgres"));
        assertTrue(owner.startsWith(ProcessHandle.current().pid() + "@"), owner);
        assertTrue(owner.endsWith(":/srv/my_data/__rm_-rf_/postgres"), owner);
    }
}
