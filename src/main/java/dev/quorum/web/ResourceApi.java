package dev.quorum.web;

import dev.quorum.catalog.Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/resources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Resources", description = "The articles, papers, books, videos, courses and lists Quorum links to.")
public class ResourceApi {

    @GET
    @Operation(summary = "List active resources in reading-list order")
    @APIResponse(responseCode = "200", description = "One page of resources")
    @APIResponse(responseCode = "400", description = "A parameter is out of range or unknown",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResourceList list(
            @Parameter(description = "Page number, from 1", schema = @Schema(defaultValue = "1", minimum = "1"))
            @QueryParam("page") String page,
            @Parameter(description = "Items per page, 1–100", schema = @Schema(defaultValue = "20", minimum = "1", maximum = "100"))
            @QueryParam("size") String size,
            @Parameter(description = "Only this kind: article, paper, book, video, course, repository or list")
            @QueryParam("kind") String kind,
            @Parameter(description = "Only this language (ISO 639-1), e.g. en or ru")
            @QueryParam("lang") String lang) {
        Paging paging = Paging.parse(page, size, 20);
        Resource.Filter filter = ResourceFilters.parse(kind, lang);
        var items = ResourceView.of(Resource.activePage(filter, paging.index(), paging.size()));
        return new ResourceList(Resource.countActive(filter), paging.page(), paging.size(), items);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One resource, retired ones included")
    @APIResponse(responseCode = "200", description = "The resource")
    @APIResponse(responseCode = "404", description = "No resource has this id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public ResourceView get(@PathParam("id") String id) {
        Resource r = Identifiers.resource(id).flatMap(Resource::byId)
                .orElseThrow(() -> new NotFoundException("no resource with id '" + Identifiers.shown(id) + "'"));
        return ResourceView.of(List.of(r)).get(0);
    }
}
