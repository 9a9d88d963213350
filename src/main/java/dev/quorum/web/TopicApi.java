package dev.quorum.web;

import dev.quorum.catalog.Topic;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "Our overviews of each area and the reading path through its resources.")
public class TopicApi {

    @GET
    @Operation(summary = "All topics, in reading order")
    public List<TopicViews.TopicSummary> list() {
        return TopicViews.summaries(Topic.active());
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "One topic: summary, overview as HTML, resources in reading order with notes, related topics, demos")
    @APIResponse(responseCode = "200", description = "The topic")
    @APIResponse(responseCode = "404", description = "No active topic has this slug",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public TopicViews.TopicDetail get(@PathParam("slug") String slug) {
        Topic topic = Identifiers.topic(slug).flatMap(Topic::bySlug).filter(t -> !t.retired())
                .orElseThrow(() -> new NotFoundException("no topic with slug '" + Identifiers.shown(slug) + "'"));
        return TopicViews.detail(topic);
    }
}
