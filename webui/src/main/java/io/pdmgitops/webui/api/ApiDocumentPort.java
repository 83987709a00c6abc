package io.pdmgitops.webui.api;

import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** The OpenAPI document of /api/v1 as JSON, for the rendered reference page. */
@FunctionalInterface
public interface ApiDocumentPort {
  /** The document as springdoc serves it at /api/v1/openapi.json, for this request's server. */
  Mono<byte[]> document(ServerRequest request);
}
