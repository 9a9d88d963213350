package dev.quorum.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The linearizability checker as a service: for a history from Jepsen, Maelstrom, a demo or a test of your own. */
@Path("/api/v1/check/linearizability")
@Tag(name = "Checks", description = "Check a history of client operations for linearizability.")
public class CheckApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LinearizabilityChecks checks;

    @POST
    @Blocking
    @Consumes({"application/edn", "text/plain", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a history for linearizability against a register or a key-value map",
            description = "Send Jepsen EDN (Content-Type application/edn or text/plain), one event map per line, or JSON "
                    + "({\"model\": \"register\", \"history\": [{\"process\": 0, \"type\": \"invoke\", \"f\": \"write\", \"value\": 3}, …]}). "
                    + "model is register (read, write, cas [old new]) or kv (values [key value], checked key by key). "
                    + "At most 1,000,000 characters and 10,000 operations; the search stops at 2,000,000 states or 2 s "
                    + "and then answers verdict unknown.")
    public LinearizabilityChecks.Answer check(InputStream body, @QueryParam("model") String model,
            @jakarta.ws.rs.HeaderParam("Content-Type") String contentType) throws IOException {
        byte[] bytes = body.readNBytes(LinearizabilityChecks.CHARS_MAX * 4 + 1);
        if (bytes.length > LinearizabilityChecks.CHARS_MAX * 4) {
            throw new WebApplicationException("body larger than " + LinearizabilityChecks.CHARS_MAX * 4 + " bytes", 413);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_JSON)) {
            JsonNode root;
            try {
                root = JSON.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BadRequest("the body is not JSON: " + e.getOriginalMessage() + " (line "
                        + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
            }
            if (root == null || !root.isObject()) {
                throw new BadRequest("a JSON body is an object: {\"model\": \"register\", \"history\": [ … ]}");
            }
            String m = model != null ? model : root.path("model").isTextual() ? root.get("model").asText() : null;
            return checks.checkJson(root.get("history"), m);
        }
        return checks.checkEdn(text, model);
    }
}
