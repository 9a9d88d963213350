package dev.quorum.web;

import dev.quorum.catalog.Resource;
import dev.quorum.catalog.ResourceKind;
import dev.quorum.catalog.Topic;
import dev.quorum.catalog.TopicEntry;
import dev.quorum.scrape.Snapshot;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The reader's pages, rendered on the server and complete without JavaScript. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SitePages {

    static final int LATEST = 10;

    static final int PAGE_SIZE = 25;

    @Inject
    DemoRuns demoRuns;

    @Inject
    PageCache pages;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(List<TopicViews.TopicSummary> topics, List<KindCount> kinds, long total,
                List<Resource> latest);

        static native TemplateInstance kind(ResourceKind kind, List<Resource> items, PageNav nav);

        static native TemplateInstance resource(Resource resource, List<Topic> topics, Snapshot snapshot);

        static native TemplateInstance topics(List<TopicViews.TopicSummary> topics);

        static native TemplateInstance topic(TopicViews.TopicDetail topic, List<DemoPages.DemoRun> demos);
    }

    /** A kind and how many active resources it has. */
    public record KindCount(ResourceKind kind, long count) {
    }

    /** Where a paged listing is, for its "previous" and "next" links. */
    public record PageNav(int page, int totalPages, long total) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < totalPages;
        }
    }

    @GET
    @Operation(hidden = true)
    public String home() {
        return pages.render("/", () -> {
            List<KindCount> kinds = Resource.countActiveByKind().entrySet().stream()
                    .map(e -> new KindCount(e.getKey(), e.getValue())).toList();
            long total = kinds.stream().mapToLong(KindCount::count).sum();
            return Templates.home(TopicViews.summaries(Topic.active()), kinds, total, Resource.latestAdditions(LATEST)).render();
        });
    }

    @GET
    @Path("kinds/{kind}")
    @Operation(hidden = true)
    public String kind(@PathParam("kind") String slug, @QueryParam("page") String page) {
        ResourceKind kind = ResourceKind.fromSlug(slug)
                .orElseThrow(() -> new NotFoundException("there is no kind '" + Identifiers.shown(slug) + "'; kinds are " + ResourceKind.slugs()));
        Paging paging = Paging.parse(page, null, PAGE_SIZE);
        Supplier<String> render = () -> {
            Resource.Filter filter = ResourceFilters.parse(kind.slug(), null);
            long total = Resource.countActive(filter);
            PageNav nav = new PageNav(paging.page(), paging.totalPages(total), total);
            return Templates.kind(kind, Resource.activePage(filter, paging.index(), paging.size()), nav).render();
        };
        return page == null ? pages.render("/kinds/" + kind.slug(), render) : render.get();
    }

    @GET
    @Path("resources/{id}")
    @Operation(hidden = true)
    public String resource(@PathParam("id") String id) {
        return pages.render("/resources/" + id, () -> {
            Resource resource = Identifiers.resource(id).flatMap(Resource::byId)
                    .orElseThrow(() -> new NotFoundException("there is no resource '" + Identifiers.shown(id) + "'"));
            List<String> slugs = TopicEntry.topicsOf(List.of(id)).getOrDefault(id, List.of());
            return Templates.resource(resource, Topic.activeAmong(slugs), Snapshot.latestWithText(id).orElse(null)).render();
        });
    }

    @GET
    @Path("topics")
    @Operation(hidden = true)
    public String topics() {
        return pages.render("/topics", () -> Templates.topics(TopicViews.summaries(Topic.active())).render());
    }

    @GET
    @Path("topics/{slug}")
    @Operation(hidden = true)
    public String topic(@PathParam("slug") String slug) {
        return pages.render("/topics/" + slug, () -> {
            Topic topic = Identifiers.topic(slug).flatMap(Topic::bySlug).filter(t -> !t.retired())
                    .orElseThrow(() -> new NotFoundException("there is no topic '" + Identifiers.shown(slug) + "'"));
            return Templates.topic(TopicViews.detail(topic), DemoPages.embeds(demoRuns, topic.demos)).render();
        });
    }
}
