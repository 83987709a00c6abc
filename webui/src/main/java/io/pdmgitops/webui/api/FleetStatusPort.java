package io.pdmgitops.webui.api;

import java.util.List;
import reactor.core.publisher.Mono;

/** What the API needs to know about the fleet; implemented by the controller. */
public interface FleetStatusPort {
  Mono<StatusView> status();

  /** Every declared resource with its verdict and last action. */
  Mono<List<ResourceView>> drift();
}
