package io.pdmgitops.reconcilers.api;

import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/** A success response: the {@code data} member, and {@code total} for paged lists. */
public record ApiEnvelope(JsonNode data, OptionalLong total) {}
