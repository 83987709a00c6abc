package io.pdmgitops.controller.health;

import io.pdmgitops.model.observed.RemoteObservation;
import java.util.Optional;

/**
 * What the last inventory sweep saw of a remote: which nodes are online and which guests run where.
 * The per-node and per-guest overviews ask only what it names.
 */
@FunctionalInterface
public interface LastSweep {
  Optional<RemoteObservation> remote(String name);
}
