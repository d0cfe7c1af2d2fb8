package com.monstermart.cdp.ingestion.rest;

import com.monstermart.cdp.ingestion.core.FilePatternSpec;
import com.monstermart.cdp.ingestion.core.Presets;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The built-in file presets, as a file pattern would use them. */
@Path("/api/ingestion/presets")
@RolesAllowed({"connector-operator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources")
public class PresetResource {
    @GET
    @Operation(summary = "Built-in file presets: REES46 events, electronics purchases, UCI Online Retail II")
    public Map<String, FilePatternSpec> presets() {
        return Presets.all();
    }
}
