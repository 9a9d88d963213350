package dev.quorum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void keepsItsDataAcrossARestart(@TempDir Path dataDir) throws Exception {
        Path cluster = dataDir.resolve("postgres");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(cluster);
                Connection c = DriverManager.getConnection(first.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(cluster);
                Connection c = DriverManager.getConnection(second.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v, current_database(), current_setting('server_version_num')::int, "
                        + "current_setting('fsync'), current_setting('synchronous_commit') FROM kept")) {
            rs.next();
            assertEquals("still here", rs.getString(1));
            assertEquals(EmbeddedPostgresServer.DATABASE, rs.getString(2));
            assertEquals(17, rs.getInt(3) / 10000, "PostgreSQL 17, as in docker-compose.yml");
            assertEquals("on", rs.getString(4), "durable: the site's data lives here");
            assertEquals("on", rs.getString(5));
            assertTrue(cluster.resolve("PG_VERSION").toFile().exists());
        }
    }
}
