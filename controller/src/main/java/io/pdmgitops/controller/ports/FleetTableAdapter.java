package io.pdmgitops.controller.ports;

import io.pdmgitops.controller.loop.ReconcileLoop;
import io.pdmgitops.model.desired.View;
import io.pdmgitops.model.fleet.FleetTable;
import io.pdmgitops.webui.fleet.FleetPort;
import io.pdmgitops.webui.fleet.FleetSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fleet table of the loop's last full cycle, built once per cycle on first use: pages and API
 * calls between two cycles share it, whatever the fleet's size.
 */
public final class FleetTableAdapter implements FleetPort {
  private final ReconcileLoop loop;
  private final AtomicReference<Built> cache = new AtomicReference<>();

  private record Built(ReconcileLoop.Observed source, FleetSnapshot snapshot) {}

  public FleetTableAdapter(ReconcileLoop loop) {
    this.loop = loop;
  }

  /** Synchronized: the pages that a new cycle refreshes at once share one build. */
  @Override
  public synchronized FleetSnapshot snapshot() {
    var observed = loop.latestObserved();
    if (observed.isEmpty()) {
      return FleetSnapshot.empty();
    }
    Built built = cache.get();
    if (built != null && built.source() == observed.get()) {
      return built.snapshot();
    }
    var o = observed.get();
    Map<String, View> views = new LinkedHashMap<>();
    for (View view : o.state().views()) {
      views.put(view.metadata().name(), view);
    }
    FleetSnapshot snapshot =
        new FleetSnapshot(
            o.inventory().observedAt(), FleetTable.of(o.state(), o.inventory(), o.report()), views);
    cache.set(new Built(o, snapshot));
    return snapshot;
  }
}
