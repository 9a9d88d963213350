package dev.quorum.platform;

import dev.quorum.content.ContentFixtures;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With a JDBC URL configured, the app uses that server and starts none of its own. The "existing server"
 * here is a separate PostgreSQL the test starts, as an operator's would be.
 */
@QuarkusTest
@TestProfile(ExternalDatabaseTest.External.class)
class ExternalDatabaseTest {

    static volatile int externalPort;

    public static class External implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ExternalServer.class));
        }
    }

    public static class ExternalServer implements QuarkusTestResourceLifecycleManager {
        private EmbeddedPostgresServer server;
        private Path dir;

        @Override
        public Map<String, String> start() {
            try {
                dir = Files.createTempDirectory("quorum-external-pg");
                server = EmbeddedPostgresServer.start(dir.resolve("postgres"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            externalPort = server.port();
            return Map.of("quarkus.datasource.jdbc.url", server.jdbcUrl(), "quarkus.datasource.username", "postgres");
        }

        @Override
        public void stop() {
            try {
                server.close();
                TempDirs.deleteTree(dir); // a database's files: about 100 MB a run
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void usesTheConfiguredServer() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('port')::int")) {
            rs.next();
            assertEquals(externalPort, rs.getInt(1));
        }
        given().get("/api/v1/resources?size=1").then().statusCode(200).body("total", equalTo(ContentFixtures.realEntryCount()));
    }
}
