package io.pdmgitops.webui.api;

import java.util.Optional;
import reactor.core.publisher.Mono;

/** Details of one resource and the live reads behind them; implemented by the controller. */
public interface DetailPort {
  /**
   * The guest with this vmid on the remote, as the latest fleet table has it (observed, declared or
   * both). Blocks briefly: call off the event loop.
   */
  Optional<ResourceDetail> guest(String remote, int vmid);

  /**
   * A guest's CPU and memory history, read from its remote at once (bounded by the client's
   * timeouts). Fails with {@link NotFoundException} for an unknown guest, {@link
   * RemoteReadException} when the remote does not answer.
   */
  Mono<RrdSeries> guestRrd(String remote, int vmid, Timeframe timeframe);
}
