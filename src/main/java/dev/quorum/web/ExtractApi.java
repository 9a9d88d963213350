package dev.quorum.web;

import dev.quorum.scrape.Extraction;
import dev.quorum.scrape.extract.ExtractionException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs the scraper's extractor on a document the caller sends: for previews and for measuring extraction. */
@Path("/api/v1/extract")
@Tag(name = "Extraction", description = "The scraper's text extraction, on a body you send.")
public class ExtractApi {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    private final Extraction extraction = new Extraction();

    /** What the extractor found. */
    public record Result(String title, String author, String published, String language, String excerpt, String text,
            int wordCount, Integer pageCount) {
    }

    @POST
    @Consumes({"text/html", "application/xhtml+xml", "application/pdf", "text/plain"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extract title, author, date, language, excerpt and main text from an HTML or PDF body",
            description = "Send the document as the body with Content-Type text/html or application/pdf (at most 10 MiB); "
                    + "X-Source-Url says where it came from, which matters for YouTube pages.")
    public Result extract(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("X-Source-Url") String sourceUrl) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new WebApplicationException("body larger than " + MAX_BYTES + " bytes", 413);
        }
        if (bytes.length == 0) {
            throw new BadRequest("empty body: send the HTML or PDF to extract");
        }
        if (sourceUrl != null && (sourceUrl.length() > 2048 || !sourceUrl.toLowerCase(Locale.ROOT).matches("^https?://\\S+$"))) {
            throw new BadRequest("header 'X-Source-Url' must be an absolute http(s) URL");
        }
        try {
            Extraction.Extracted e = extraction.extract(bytes, Optional.ofNullable(contentType), sourceUrl);
            return new Result(e.title(), e.author().orElse(null), e.published().orElse(null), e.language().orElse(null),
                    e.excerpt().orElse(null), e.text(), e.wordCount(), e.pageCount().orElse(null));
        } catch (ExtractionException e) {
            throw new WebApplicationException("could not extract: " + e.getMessage(), Response.status(422).build());
        }
    }
}
