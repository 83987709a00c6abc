package io.pdmgitops.reconcilers.firewall;

import io.pdmgitops.model.firewall.FirewallAction;
import io.pdmgitops.model.firewall.FirewallChange;
import io.pdmgitops.model.plan.PlannedAction;
import io.pdmgitops.reconcilers.engine.JournalJson;
import io.pdmgitops.reconcilers.engine.JournaledAction;
import java.util.Map;
import java.util.TreeMap;

/** A firewall options change in the journal: its path, options and digest as JSON. */
final class FirewallCodec {
  /** The JSON of a change; options sorted, so the same change is the same text. */
  record Stored(String path, Map<String, String> set, String digest) {}

  private FirewallCodec() {}

  static JournaledAction encode(PlannedAction action) {
    FirewallChange change = (FirewallChange) action.params();
    return new JournaledAction(
        action.resource(),
        action.remote(),
        action.type().name(),
        JournalJson.write(new Stored(change.path(), new TreeMap<>(change.set()), change.digest())),
        action.reason());
  }

  static PlannedAction decode(JournaledAction stored) {
    Stored params = JournalJson.read(stored, Stored.class);
    return new PlannedAction(
        stored.resource(),
        stored.remote(),
        FirewallAction.valueOf(stored.action()),
        stored.reason(),
        new FirewallChange(
            params.path(),
            params.set() == null ? Map.of() : params.set(),
            params.digest() == null ? "" : params.digest()));
  }
}
