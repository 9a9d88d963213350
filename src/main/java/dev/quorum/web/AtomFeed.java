package dev.quorum.web;

import dev.quorum.catalog.Resource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /feed.xml}: the latest additions as an Atom 1.0 feed (RFC 4287), linked from every page's head. */
@Path("/feed.xml")
public class AtomFeed {

    static final int ENTRIES = 30;
    private static final String FEED_ID = "tag:quorum.dev,2026:feed";

    @GET
    @Produces("application/atom+xml;charset=UTF-8")
    @Operation(hidden = true)
    public String feed(@Context UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        List<Resource> latest = Resource.latestAdditions(ENTRIES);
        Instant updated = latest.stream().map(r -> r.updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        StringBuilder xml = new StringBuilder(8192);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <title>Quorum: latest additions</title>\n")
                .append("  <subtitle>New resources on distributed systems in Quorum's reading list.</subtitle>\n")
                .append("  <id>").append(FEED_ID).append("</id>\n")
                .append("  <link rel=\"self\" href=\"").append(xml(base + "/feed.xml")).append("\"/>\n")
                .append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(base + "/")).append("\"/>\n")
                .append("  <updated>").append(updated).append("</updated>\n")
                .append("  <author><name>Quorum</name></author>\n");
        for (Resource r : latest) {
            xml.append("  <entry>\n")
                    .append("    <id>").append(FEED_ID).append(":").append(r.id).append("</id>\n")
                    .append("    <title>").append(xml(r.title)).append("</title>\n")
                    .append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(base + "/resources/" + r.id)).append("\"/>\n")
                    .append("    <link rel=\"related\" href=\"").append(xml(r.url)).append("\"/>\n")
                    .append("    <published>").append(r.firstSeenAt).append("</published>\n")
                    .append("    <updated>").append(r.updatedAt).append("</updated>\n")
                    .append("    <category term=\"").append(xml(r.kind)).append("\"/>\n");
            if (r.authors != null) {
                xml.append("    <author><name>").append(xml(r.authors)).append("</name></author>\n");
            }
            String summary = r.description != null ? r.description : r.title;
            xml.append("    <summary type=\"text\">").append(xml(summary)).append("</summary>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /** Escapes text for XML, dropping characters XML 1.0 cannot carry at all. */
    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c > 0xFFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
