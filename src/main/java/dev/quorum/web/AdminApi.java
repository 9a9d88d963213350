package dev.quorum.web;

import dev.quorum.content.ContentIngest;
import dev.quorum.content.IngestReport;
import dev.quorum.scrape.ScrapeQueue;
import dev.quorum.search.SearchIndex;
import dev.quorum.search.SearchService;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Operator calls; they need the bearer token set in QUORUM_ADMIN_TOKEN.")
@SecurityScheme(securitySchemeName = "admin", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityRequirement(name = "admin")
public class AdminApi {

    @Inject
    AdminGuard guard;

    @Inject
    ContentIngest ingest;

    @Inject
    ScrapeQueue scrapeQueue;

    @Inject
    SearchService search;

    @POST
    @Path("/ingest")
    @Operation(summary = "Re-read the reading list and bring the database in line with it",
            description = "Answers 200 when the content was applied or was already current, and 422 with the findings "
                    + "when the file has errors (the database is left as it was).")
    @APIResponse(responseCode = "200", description = "Applied, or already current",
            content = @Content(schema = @Schema(implementation = IngestReport.class)))
    @APIResponse(responseCode = "422", description = "The content has errors; the findings say where (file:line)",
            content = @Content(schema = @Schema(implementation = IngestReport.class)))
    @APIResponse(responseCode = "503", description = "The database refused the change; it was rolled back and the site keeps the last good content",
            content = @Content(schema = @Schema(implementation = IngestReport.class)))
    public Response runIngest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.check(authorization);
        IngestReport report = ingest.ingest();
        int status = report.succeeded() ? 200 : report.status() == IngestReport.Status.REJECTED ? 422 : 503;
        return Response.status(status).entity(report).build();
    }

    @GET
    @Path("/ingest")
    @Operation(summary = "The outcome of the latest ingest since this instance started")
    public IngestReport lastIngest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.check(authorization);
        return ingest.lastReport().orElseThrow(() -> new NotFoundException("no ingest has run since this instance started"));
    }

    @POST
    @Path("/scrape")
    @Operation(summary = "Queue every active resource for a check now")
    public Map<String, Object> scrapeAll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.check(authorization);
        return Map.of("queued", scrapeQueue.enqueueAll(), "queue", scrapeQueue.status());
    }

    @POST
    @Path("/scrape/{id}")
    @Operation(summary = "Queue one resource for a check now")
    public Map<String, Object> scrapeOne(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id) {
        guard.check(authorization);
        if (Identifiers.resource(id).filter(scrapeQueue::enqueue).isEmpty()) {
            throw new NotFoundException("no active resource with id '" + Identifiers.shown(id) + "'");
        }
        return Map.of("queued", 1, "queue", scrapeQueue.status());
    }

    @GET
    @Path("/scrape")
    @Operation(summary = "The scrape queue: jobs, due, leased, failing, snapshots, last fetch")
    public ScrapeQueue.Status scrapeStatus(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.check(authorization);
        return scrapeQueue.status();
    }

    @GET
    @Path("/search")
    @Operation(summary = "The search index: ready, generation, documents, outbox position, last change applied")
    public SearchIndex.Status searchStatus(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.check(authorization);
        return search.status();
    }

    @POST
    @Path("/search/rebuild")
    @Operation(summary = "Rebuild the search index from PostgreSQL; searches use the current index until the new one is ready")
    @APIResponse(responseCode = "202", description = "Queued: {\"rebuild\": \"queued\", \"index\": the index's status before it}")
    public Response rebuildSearch(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        guard.check(authorization);
        search.requestRebuild();
        return Response.accepted(Map.of("rebuild", "queued", "index", search.status())).build();
    }
}
