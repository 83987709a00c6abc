package io.pdmgitops.reconcilers.pve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/** One pending update of {@code GET /nodes/{node}/apt/update}; PVE uses PascalCase keys here. */
public record PackageUpdate(
    @JsonProperty("Package") String packageName,
    @JsonProperty("Title") Optional<String> title,
    @JsonProperty("Version") String version,
    @JsonProperty("OldVersion") Optional<String> oldVersion,
    @JsonProperty("Origin") Optional<String> origin,
    @JsonProperty("Priority") Optional<String> priority,
    @JsonProperty("Section") Optional<String> section,
    @JsonProperty("Arch") Optional<String> arch) {}
